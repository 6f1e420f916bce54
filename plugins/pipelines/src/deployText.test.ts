import { describeDeploy, describeTarget } from './deployText';

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
