import { BASE_PATH, secret } from './__testUtils__/fixtures';
import { rotationOf } from './rotation';

describe('rotationOf', () => {
  it('takes the environment from the secret path below the base path', () => {
    expect(rotationOf(secret({ name: 'staging/api-keys' }), BASE_PATH)).toEqual(
      { target: { environment: 'staging', secret: 'api-keys' } },
    );
  });

  it('leaves supplied values and secrets the platform did not write to their owners', () => {
    expect(rotationOf(secret({ generatedKeys: [] }), BASE_PATH)).toEqual({
      reason: 'Supplied values only: rotate them in Vault',
    });
    expect(rotationOf(secret({ managed: false }), BASE_PATH)).toEqual({
      reason: 'Not provisioned by the platform',
    });
  });

  it('does not rotate what lies outside the provisioned folders', () => {
    const elsewhere = {
      ...secret({ name: 'production/database' }),
      path: 'legacy/card-payments/production/database',
    };
    expect(rotationOf(elsewhere, BASE_PATH)).toHaveProperty('reason');
    expect(
      rotationOf(secret({ name: 'production/db/primary' }), BASE_PATH),
    ).toHaveProperty('reason');
    expect(rotationOf(secret({ name: 'database' }), BASE_PATH)).toHaveProperty(
      'reason',
    );
  });
});
