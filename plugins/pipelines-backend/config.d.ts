export interface Config {
  /** The pipelines backend (@finops/plugin-pipelines-backend). */
  pipelines?: {
    /**
     * Environments whose deployments count for DORA metrics, compared
     * without case. Default: production, prod.
     * @visibility backend
     */
    productionEnvironments?: string[];
    retention?: {
      /**
       * Runs, jobs, deployments, changes and delivery ids older than this
       * are deleted daily. Default: 400 (a year of DORA history and some).
       * @visibility backend
       */
      days?: number;
    };
    /** Example deliveries for the local default. */
    examples?: {
      /**
       * Replay the example GitHub deliveries at startup, shifted so that
       * the history ends now. Default: false.
       * @visibility backend
       */
      load?: boolean;
      /**
       * Where the examples are, relative to the backend's working
       * directory. Default: ../../examples/pipelines.
       * @visibility backend
       */
      directory?: string;
    };
  };
}
