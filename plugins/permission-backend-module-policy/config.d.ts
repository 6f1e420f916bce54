export interface Config {
  finops?: {
    permission?: {
      /**
       * Entity refs of the groups whose members may unregister entities and
       * delete catalog locations, e.g. `group:default/platform-team`.
       * @visibility backend
       */
      adminGroups?: string[];
    };
  };
}
