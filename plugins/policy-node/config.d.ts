export interface Config {
  policy?: {
    /**
     * `embedded` evaluates the committed Wasm build of policies/ in process
     * (local default); `server` asks an OPA server (production).
     * @visibility backend
     */
    evaluator?: 'embedded' | 'server';
    opa?: {
      /**
       * Base URL of the OPA server, e.g. http://localhost:8181.
       * @visibility backend
       */
      baseUrl?: string;
    };
  };
}
