import type { EnvironmentState } from '@finops/plugin-pipelines-common';
import { orderEnvironments } from './environments';

const env = (environment: string): EnvironmentState => ({
  environment,
  current: null,
  history: [],
});

describe('orderEnvironments', () => {
  it('orders environments as a change is promoted, unknown ones last', () => {
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
      'production',
      'canary',
      'dr-site',
    ]);
  });
});
