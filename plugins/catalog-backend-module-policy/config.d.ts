export interface Config {
  policy?: {
    catalog?: {
      /**
       * Refuse entities that break an enforcing `finops.catalog` rule (the
       * catalog keeps their previous version). Reporting rules never block.
       * Defaults to true.
       * @visibility backend
       */
      enforce?: boolean;
    };
  };
}
