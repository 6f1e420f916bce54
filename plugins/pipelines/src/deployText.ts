import type {
  DeployAction,
  DeployTarget,
} from '@finops/plugin-pipelines-common';
import type { DeployPermissions } from './hooks';

const ACTIONS: Record<DeployAction, string> = {
  deploy: 'Deploy',
  promote: 'Promote',
  rollback: 'Roll back',
};

/** "Promote v1.5.0 to production", "Roll back production to v1.4.0". */
export function describeDeploy(request: {
  action: DeployAction;
  environment: string;
  version: string;
}): string {
  const { action, environment, version } = request;
  if (action === 'rollback') {
    return `Roll back ${environment} to ${version}`;
  }
  return `${ACTIONS[action] ?? action} ${version} to ${environment}`;
}

/** "GitHub workflow deploy.yml in finops/card-payments", "Argo CD application card-payments". */
export function describeTarget(target: DeployTarget): string {
  if (target.type === 'argocd') {
    return `Argo CD application ${target.name}`;
  }
  return target.repository
    ? `GitHub workflow ${target.name} in ${target.repository}`
    : `GitHub workflow ${target.name}`;
}

/** The backend's reasons for refusing, said of the entity on screen. */
const NOT_ALLOWED = {
  deploy: 'Only the owners of this entity deploy it.',
  review: 'Only the owners of this entity review its deploys.',
};

/**
 * Why deploy actions (`deploy`: promote, roll back, re-run) or reviews are
 * disabled for the signed-in user, or undefined when they are not.
 */
export function deployActionsDisabledReason(
  permissions: DeployPermissions,
  action: 'deploy' | 'review',
): string | undefined {
  if (permissions.loading) {
    return 'Checking your permissions…';
  }
  const allowed =
    action === 'deploy' ? permissions.canDeploy : permissions.canReview;
  return allowed ? undefined : NOT_ALLOWED[action];
}
