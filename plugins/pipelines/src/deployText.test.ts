import {
  deployActionsDisabledReason,
  describeDeploy,
  describeTarget,
} from './deployText';

describe('describeDeploy', () => {
  it('says what a request does in a sentence', () => {
    expect(
      describeDeploy({
        action: 'promote',
        environment: 'production',
        version: 'v1.5.0',
      }),
    ).toBe('Promote v1.5.0 to production');
    expect(
      describeDeploy({
        action: 'rollback',
        environment: 'production',
        version: 'v1.4.0',
      }),
    ).toBe('Roll back production to v1.4.0');
  });
});

describe('describeTarget', () => {
  it('names the workflow and its repository, or the Argo CD application', () => {
    expect(
      describeTarget({
        type: 'github-workflow',
        name: 'deploy.yml',
        repository: 'finops/card-payments',
      }),
    ).toBe('GitHub workflow deploy.yml in finops/card-payments');
    expect(
      describeTarget({
        type: 'argocd',
        name: 'card-payments',
        repository: null,
      }),
    ).toBe('Argo CD application card-payments');
  });
});

describe('deployActionsDisabledReason', () => {
  const permissions = { canDeploy: true, canReview: false, loading: false };

  it('says who may deploy or review when the user may not, and nothing when they may', () => {
    expect(deployActionsDisabledReason(permissions, 'deploy')).toBeUndefined();
    expect(deployActionsDisabledReason(permissions, 'review')).toBe(
      'Only the owners of this entity review its deploys.',
    );
    expect(
      deployActionsDisabledReason(
        { ...permissions, canDeploy: false },
        'deploy',
      ),
    ).toBe('Only the owners of this entity deploy it.');
  });

  it('holds the actions back while the permissions are asked', () => {
    expect(
      deployActionsDisabledReason(
        { canDeploy: false, canReview: false, loading: true },
        'deploy',
      ),
    ).toBe('Checking your permissions…');
  });
});
