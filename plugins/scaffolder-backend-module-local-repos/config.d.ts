export interface Config {
  scaffolder?: {
    /**
     * Local git repositories, for a portal without a code host: templates
     * publish into them with finops:publish:local, and the catalog and
     * TechDocs read them through https://<host>/<owner>/<repo>/blob|tree/<ref>/
     * URLs. Leave unset in production (templates publish to GitHub there).
     */
    localRepos?: {
      /**
       * Where the repositories live, one folder per owner and repository;
       * relative paths are relative to the backend's working directory.
       * @visibility backend
       */
      directory: string;
      /**
       * The host name of their URLs. It must also be listed under
       * integrations (e.g. as a github integration with no token) so that
       * the template form's RepoUrlPicker offers it. Default: repos.local.
       * @visibility frontend
       */
      host?: string;
    };
  };
}
