export interface Config {
  finops?: {
    argocd?: {
      /**
       * Whether the backend has Argo CD instances configured; the entity
       * tab explains how to configure them when not.
       * @visibility frontend
       */
      enabled?: boolean;
    };
    signIn?: {
      /**
       * Which sign-in the portal offers: `guest` (local default) or `oidc`
       * (the organisation's identity provider, production).
       * @visibility frontend
       */
      provider?: 'guest' | 'oidc';
    };
  };
}
