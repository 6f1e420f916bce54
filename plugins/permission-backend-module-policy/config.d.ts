export interface Config {
  finops?: {
    permission?: {
      /**
       * Entity refs of the platform admin groups, who may do everything,
       * e.g. `group:default/platform-team`.
       * @visibility backend
       */
      adminGroups?: string[];
      /**
       * Entity refs of the groups who may approve policy exceptions,
       * e.g. `group:default/security-team`.
       * @visibility backend
       */
      securityApproverGroups?: string[];
    };
  };
}
