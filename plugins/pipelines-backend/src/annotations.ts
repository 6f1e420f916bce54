/** The GitHub repository (`owner/name`) whose deliveries belong to the entity. */
export const ANNOTATION_GITHUB_PROJECT_SLUG = 'github.com/project-slug';

/** The Argo CD application whose syncs are the entity's deployments. */
export const ANNOTATION_ARGOCD_APP_NAME = 'argocd/app-name';

/** Argo CD applications per environment: `staging=app-staging,production=app`. */
export const ANNOTATION_ARGOCD_APPS = 'finops.io/argocd-apps';

/** The GitHub workflow file a deploy dispatches, e.g. `deploy.yml`. */
export const ANNOTATION_DEPLOY_WORKFLOW = 'finops.io/deploy-workflow';

/** The branch or tag the deploy workflow is dispatched on (default main). */
export const ANNOTATION_DEPLOY_REF = 'finops.io/deploy-ref';

/** A User's GitHub login, when it is not the user's name. */
export const ANNOTATION_GITHUB_USER_LOGIN = 'github.com/user-login';

/** `'true'` (label or annotation): SOX's separation of duties applies. */
export const LABEL_SOX_SCOPE = 'finops.io/sox-scope';
