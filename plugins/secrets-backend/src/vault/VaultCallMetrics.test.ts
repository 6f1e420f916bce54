import { mockServices } from '@backstage/backend-test-utils';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { VaultApiServer } from '../testUtils/vault';
import { VaultCallMetrics, vaultOperation } from './VaultCallMetrics';
import { VaultClient } from './VaultClient';

let server: VaultApiServer;

beforeEach(async () => {
  server = await VaultApiServer.start();
});

afterEach(() => server.close());

function meteredClient() {
  const metrics = metricsServiceMock.mock();
  const client = VaultClient.create({
    instance: {
      name: 'main',
      baseUrl: server.url,
      kvMount: 'secret',
      timeoutMs: 2_000,
      auth: { type: 'token', token: server.rootToken },
    },
    logger: mockServices.logger.mock(),
    retryDelayMs: 1,
    metrics: VaultCallMetrics.create(metrics),
  });
  const record = (metrics.createHistogram as jest.Mock).mock.results[0].value
    .record as jest.Mock;
  return { client, metrics, record };
}

describe('VaultCallMetrics', () => {
  it('times each Vault call of the client by operation and outcome, without names', async () => {
    const { client, metrics, record } = meteredClient();

    await client.write('payments/card-api/db', { password: 'x' }, { cas: 0 });
    await client.readMetadata('payments/card-api/db');
    await client.listKeys('payments');
    await expect(
      client.write('payments/card-api/db', { password: 'y' }, { cas: 0 }),
    ).rejects.toThrow();
    await client.writeAppRole('approle', 'card-api', {
      token_policies: ['card-api'],
      token_ttl: 600,
      token_max_ttl: 3600,
      secret_id_ttl: 600,
    });
    await client.health();

    expect(metrics.createHistogram).toHaveBeenCalledWith(
      'finops.vault.request.duration',
      expect.objectContaining({ unit: 's' }),
    );
    expect(record.mock.calls.map(([, attributes]) => attributes)).toEqual([
      // The session looks its token up once, before the first call.
      {
        vault: 'main',
        operation: 'GET auth/token/lookup-self',
        outcome: 'success',
      },
      { vault: 'main', operation: 'POST kv/data/{path}', outcome: 'success' },
      {
        vault: 'main',
        operation: 'GET kv/metadata/{path}',
        outcome: 'success',
      },
      {
        vault: 'main',
        operation: 'GET kv/metadata/{path}?list',
        outcome: 'success',
      },
      {
        vault: 'main',
        operation: 'POST kv/data/{path}',
        outcome: 'conflict',
      },
      {
        vault: 'main',
        operation: 'POST auth/{mount}/role/{role}',
        outcome: 'success',
      },
      { vault: 'main', operation: 'GET sys/health', outcome: 'success' },
    ]);
    for (const [seconds] of record.mock.calls) {
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(5);
    }
  });

  it('counts a Vault that does not answer once, retries included', async () => {
    const { client, record } = meteredClient();
    await client.listKeys('');
    record.mockClear();
    server.failNext(...[1, 2, 3].map(() => ({ status: 500 })));

    await expect(client.readMetadata('app/db')).rejects.toThrow();

    expect(record).toHaveBeenCalledTimes(1);
    expect(record.mock.calls[0][1]).toEqual({
      vault: 'main',
      operation: 'GET kv/metadata/{path}',
      outcome: 'unavailable',
    });
  });

  it('names operations by path template', () => {
    const op = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string) =>
      vaultOperation({ method, path, idempotent: true }, 'kv/team');
    expect(op('GET', 'kv/team/data/a/b/c')).toBe('GET kv/data/{path}');
    expect(op('PUT', 'kv/team/destroy/a')).toBe('PUT kv/destroy/{path}');
    expect(op('PUT', 'sys/policies/acl/app-card-api')).toBe(
      'PUT sys/policies/acl/{name}',
    );
    expect(op('POST', 'auth/k8s/prod/role/card-api/secret-id')).toBe(
      'POST auth/{mount}/role/{role}/secret-id',
    );
    expect(op('GET', 'auth/approle/role/card-api/role-id')).toBe(
      'GET auth/{mount}/role/{role}/role-id',
    );
    expect(op('POST', 'auth/approle/login')).toBe('POST auth/{mount}/login');
    expect(op('POST', 'sys/wrapping/wrap')).toBe('POST sys/wrapping/wrap');
    expect(op('GET', 'auth/token/lookup-self')).toBe(
      'GET auth/token/lookup-self',
    );
    expect(op('GET', 'cubbyhole/mine')).toBe('GET other');
  });
});
