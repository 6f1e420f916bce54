import type {
  DeployAction,
  DeployTarget,
} from '@finops/plugin-pipelines-common';

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
