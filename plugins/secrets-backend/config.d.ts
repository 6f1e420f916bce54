export interface Config {
  /** Vault secrets of catalog entities (@finops/plugin-secrets-backend). */
  secrets?: {
    /**
     * The Vault (or OpenBao) instances secrets are provisioned in. Without
     * this block the portal starts and says that Vault is not configured.
     */
    vault?: {
      /**
       * The instance used when none is named. Required when there are
       * several instances, so that nothing lands in the wrong one.
       * @visibility backend
       */
      defaultInstance?: string;
      instances: Array<{
        /**
         * How the portal names this Vault (letters, digits, - and _).
         * @visibility backend
         */
        name: string;
        /**
         * Where Vault's API answers, without /v1, e.g.
         * https://vault.example.com:8200.
         * @visibility backend
         */
        baseUrl: string;
        /**
         * A Vault Enterprise or OpenBao namespace, sent as X-Vault-Namespace.
         * @visibility backend
         */
        namespace?: string;
        /**
         * The KV version 2 mount secrets live under. Default: secret.
         * @visibility backend
         */
        kvMount?: string;
        /**
         * The Vault UI, for links from the portal.
         * @visibility backend
         */
        uiUrl?: string;
        /**
         * How long one request may take. Default: 10000.
         * @visibility backend
         */
        timeoutMs?: number;
        /** How the portal logs in to Vault. */
        auth:
          | {
              /** @visibility backend */
              type: 'token';
              /**
               * A Vault token; a periodic one is renewed before it expires.
               * @visibility secret
               */
              token: string;
            }
          | {
              /** @visibility backend */
              type: 'approle';
              /**
               * Where AppRole is enabled. Default: approle.
               * @visibility backend
               */
              mount?: string;
              /** @visibility secret */
              roleId: string;
              /** @visibility secret */
              secretId: string;
            }
          | {
              /** @visibility backend */
              type: 'kubernetes';
              /**
               * Where the Kubernetes auth method is enabled. Default:
               * kubernetes.
               * @visibility backend
               */
              mount?: string;
              /**
               * The Vault role bound to the portal's service account.
               * @visibility backend
               */
              role: string;
              /**
               * The service account token file. Default:
               * /var/run/secrets/kubernetes.io/serviceaccount/token.
               * @visibility backend
               */
              jwtPath?: string;
            };
      }>;
    };
    /** What provisioning creates for each environment of a service. */
    provisioning?: {
      /**
       * The environments secrets are provisioned for, each in a folder
       * `<basePath>/<environment>/`. Default: development, staging,
       * production.
       * @visibility backend
       */
      environments?: string[];
      /**
       * The AppRole mount workload and pipeline roles are written to.
       * Default: approle.
       * @visibility backend
       */
      approleMount?: string;
      /**
       * The Kubernetes auth mount workload roles are written to. Default:
       * kubernetes.
       * @visibility backend
       */
      kubernetesMount?: string;
      /**
       * TTL of the tokens a provisioned role gets. Default: 3600.
       * @visibility backend
       */
      tokenTtlSeconds?: number;
      /** Default: 14400. @visibility backend */
      tokenMaxTtlSeconds?: number;
      /** TTL of an AppRole SecretID. Default: 86400. @visibility backend */
      secretIdTtlSeconds?: number;
      /**
       * How long a one-time response-wrapping token of generated values
       * can be unwrapped. Default: 300.
       * @visibility backend
       */
      wrapTtlSeconds?: number;
    };
    rotation?: {
      /**
       * A secret whose values are older than this is overdue for
       * rotation: shown on the entity and given to finops.secrets.
       * Default: 90.
       * @visibility backend
       */
      maxAgeDays?: number;
      /**
       * Versions Vault keeps of a provisioned secret (older ones are
       * removed on the next write). Default: 5.
       * @visibility backend
       */
      keepVersions?: number;
    };
  };
}
