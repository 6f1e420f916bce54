import type { EnvironmentState } from '@finops/plugin-pipelines-common';
import { environmentOrder, orderEnvironments } from './environments';

const env = (environment: string): EnvironmentState => ({
  environment,
  current: null,
  history: [],
});

describe('orderEnvironments', () => {
  it('orders environments as a change is promoted, unknown ones just before production', () => {
    const ordered = orderEnvironments(
      [
        'production',
        'sandbox-eu',
        'dr-site',
        'staging',
        'uat',
        'development',
        'canary',
      ].map(env),
    );

    expect(ordered.map(e => e.environment)).toEqual([
      'development',
      'sandbox-eu',
      'uat',
      'staging',
      'canary',
      'dr-site',
      'production',
    ]);
  });
});

describe('environmentOrder', () => {
  it('puts dev before staging before production whatever the case', () => {
    expect(['PROD', 'Staging', 'dev'].sort(environmentOrder)).toEqual([
      'dev',
      'Staging',
      'PROD',
    ]);
  });

  it('keeps production last, after environments it cannot place', () => {
    expect(environmentOrder('zeta', 'production')).toBeLessThan(0);
    expect(environmentOrder('staging', 'alpha')).toBeLessThan(0);
    expect(environmentOrder('alpha', 'zeta')).toBeLessThan(0);
  });
});
