export interface Config {
  scaffolder?: {
    /** finops:secrets:provision (@finops/plugin-scaffolder-backend-module-secrets). */
    secretsProvisioning?: {
      /**
       * What the step does when the portal has no Vault at all
       * (secrets.vault unset): `fail` (default; production) or `skip`,
       * which logs that nothing was provisioned and goes on (the local
       * portal). A configured Vault that is down always fails.
       * @visibility backend
       */
      whenVaultNotConfigured?: 'fail' | 'skip';
    };
  };
}
