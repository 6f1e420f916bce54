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
    /** Deploys, promotions and roll-backs asked through the portal. */
    deploy?: {
      /**
       * Change freezes: finops.deploy refuses deploys to the listed
       * environments (all when none are listed) from start to end.
       * @visibility backend
       */
      freezeWindows?: Array<{
        /** ISO 8601 time, e.g. 2026-12-20T00:00:00Z. */
        start: string;
        end: string;
        environments?: string[];
        reason?: string;
      }>;
    };
    /**
     * The Argo CD that syncs entities annotated with finops.io/argocd-apps
     * or argocd/app-name, to the version's commit.
     */
    argocd?: {
      /** @visibility backend */
      baseUrl: string;
      /**
       * Token of an Argo CD account allowed to sync the applications.
       * @visibility secret
       */
      token: string;
    };
    /**
     * Reads recent workflow runs, their jobs and artifacts from the GitHub
     * REST API for entities annotated with github.com/project-slug, with
     * the integrations.github credentials (token or GitHub App), to repair
     * missed webhook deliveries and to store artifacts.
     */
    backfill?: {
      /**
       * Default: on when integrations.github has a token or an app for
       * github.com, else off. True without credentials fails startup.
       * @visibility backend
       */
      enabled?: boolean;
      /**
       * Minutes between sweeps (one replica at a time). Default: 30.
       * @visibility backend
       */
      frequency?: number;
      /**
       * Runs created within this many hours are read. Default: 24.
       * @visibility backend
       */
      lookbackHours?: number;
      /**
       * A sweep stops when GitHub's remaining hourly budget falls under
       * this, leaving it to the rest of the backend. Default: 100.
       * @visibility backend
       */
      rateLimitReserve?: number;
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
