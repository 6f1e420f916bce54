/** Where a component's GitHub repository is named, as `owner/name`. */
export const GITHUB_SLUG_ANNOTATION = 'github.com/project-slug';

/**
 * Components whose repository we know: the only ones the pipelines backend
 * records runs, deployments and DORA metrics for. A filter predicate, so
 * that app config can still override it.
 */
export const hasGithubRepository = {
  kind: 'component',
  [`metadata.annotations.${GITHUB_SLUG_ANNOTATION}`]: { $exists: true },
};
