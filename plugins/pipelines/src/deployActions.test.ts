import { deployment, environment } from './__testUtils__/fixtures';
import { promotionFrom, rollbackOf } from './deployActions';

const staging = (version: string) =>
  environment('staging', [
    deployment({ id: `s-${version}`, environment: 'staging', version }),
  ]);
const production = (version: string) =>
  environment('production', [deployment({ id: `p-${version}`, version })]);

describe('promotionFrom', () => {
  it("offers the environment's version to the next one", () => {
    expect(promotionFrom([staging('v1.5.0'), production('v1.4.0')], 0)).toEqual(
      {
        action: 'promote',
        environment: 'production',
        from: 'staging',
        version: 'v1.5.0',
      },
    );
  });

  it('offers nothing when the next environment already runs that version', () => {
    expect(
      promotionFrom([staging('v1.4.0'), production('v1.4.0')], 0),
    ).toBeUndefined();
  });

  it('offers nothing from the last environment or one that runs nothing', () => {
    expect(
      promotionFrom([staging('v1.5.0'), production('v1.4.0')], 1),
    ).toBeUndefined();
    expect(
      promotionFrom([environment('staging', []), production('v1.4.0')], 0),
    ).toBeUndefined();
  });

  it('offers a version to a next environment that never ran anything', () => {
    expect(
      promotionFrom([staging('v1.5.0'), environment('production', [])], 0),
    ).toMatchObject({ environment: 'production', version: 'v1.5.0' });
  });
});

describe('rollbackOf', () => {
  it('offers the versions that succeeded before, newest first, once each', () => {
    const plan = rollbackOf(
      environment('production', [
        deployment({ id: 'd-5', version: 'v1.5.0', createdAt: '2026-06-05' }),
        deployment({
          id: 'd-4',
          version: 'v1.4.1',
          status: 'failure',
          createdAt: '2026-06-04',
        }),
        deployment({ id: 'd-3', version: 'v1.4.0', createdAt: '2026-06-03' }),
        deployment({ id: 'd-2', version: 'v1.3.0', createdAt: '2026-06-02' }),
        deployment({ id: 'd-1', version: 'v1.4.0', createdAt: '2026-06-01' }),
      ]),
    );

    expect(plan).toEqual({
      action: 'rollback',
      environment: 'production',
      current: 'v1.5.0',
      versions: ['v1.4.0', 'v1.3.0'],
    });
  });

  it('offers nothing when only the current version ever succeeded', () => {
    expect(
      rollbackOf(
        environment('production', [
          deployment({ id: 'd-2', version: 'v1.5.0', createdAt: '2026-06-02' }),
          deployment({
            id: 'd-1',
            version: 'v1.4.0',
            status: 'failure',
            createdAt: '2026-06-01',
          }),
        ]),
      ),
    ).toBeUndefined();
    expect(rollbackOf(environment('production', []))).toBeUndefined();
  });
});
