/** The GitHub repository (`owner/name`) whose deliveries belong to the entity. */
export const ANNOTATION_GITHUB_PROJECT_SLUG = 'github.com/project-slug';

/** The Argo CD application whose syncs are the entity's deployments. */
export const ANNOTATION_ARGOCD_APP_NAME = 'argocd/app-name';
