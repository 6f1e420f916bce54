import { mockServices } from '@backstage/backend-test-utils';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { serviceAccountJwt, VaultApiServer } from '../testUtils/vault';
import { VaultClient } from './VaultClient';
import { VaultAuthConfig, VaultInstanceConfig } from './vaultConfig';

/** What must never show up in an error or a log line. */
const SECRET = 'pl4nted-Secret-Value-7f3a9c';

let now: number;
let server: VaultApiServer;

beforeEach(async () => {
  now = Date.parse('2026-03-01T10:00:00Z');
  server = await VaultApiServer.start({ clock: () => now });
});

afterEach(() => server.close());

function client(
  auth: VaultAuthConfig,
  extra: Partial<VaultInstanceConfig> = {},
  logger = mockServices.logger.mock(),
): VaultClient {
  return VaultClient.create({
    instance: {
      name: 'main',
      baseUrl: server.url,
      kvMount: 'secret',
      timeoutMs: 2_000,
      auth,
      ...extra,
    },
    logger,
    clock: () => now,
    retryDelayMs: 1,
  });
}

const rootAuth = (): VaultAuthConfig => ({
  type: 'token',
  token: server.rootToken,
});

describe('VaultClient leaks', () => {
  it('never puts a value, a token or a credential into an error or a log', async () => {
    const logger = mockServices.logger.mock();
    const token = server.createToken({ policies: ['nothing'] });
    const limited = client({ type: 'token', token }, {}, logger);
    const root = client(rootAuth(), {}, logger);
    await root.readPolicy('default');
    const errors: unknown[] = [];
    const capture = (promise: Promise<unknown>) =>
      promise.then(
        () => errors.push(new Error('resolved where it should have failed')),
        error => errors.push(error),
      );

    // 403: the token's policies do not reach the path.
    await capture(limited.write('app/db', { password: SECRET }));
    // 400, 412 and 500 from a Vault that quotes the body and the token.
    server.failNext({ status: 400, echo: true });
    await capture(limited.write('app/db', { password: SECRET }));
    server.failNext({ status: 412, echo: true });
    await capture(root.write('app/db', { password: SECRET }, { cas: 1 }));
    server.failNext(...[1, 2, 3].map(() => ({ status: 500, echo: true })));
    await capture(limited.readMetadata('app/db'));
    server.failNext({ status: 400, errors: [`bad value ${SECRET}`] });
    await capture(root.wrap({ password: SECRET }, 60));
    // 503: sealed.
    server.seal();
    await capture(root.write('app/db', { password: SECRET }));
    server.seal(false);
    // A timeout.
    server.setDelay(300);
    await capture(
      client({ type: 'token', token }, { timeoutMs: 50 }, logger).write(
        'app/db',
        { password: SECRET },
      ),
    );
    server.setDelay(0);
    // Logins refused by a Vault that quotes them.
    const approle = {
      type: 'approle' as const,
      mount: 'approle',
      roleId: 'role-id-5d1e0c7b',
      secretId: 'secret-id-9a8b7c6d',
    };
    server.failNext({ status: 400, echo: true });
    await capture(client(approle, {}, logger).readMetadata('app/db'));
    const dir = await mkdtemp(join(tmpdir(), 'vault-leak-'));
    const jwt = serviceAccountJwt('payments', 'payments-api');
    try {
      await writeFile(join(dir, 'token'), jwt);
      server.failNext({ status: 403, echo: true });
      await capture(
        client(
          {
            type: 'kubernetes',
            mount: 'kubernetes',
            role: 'r',
            jwtPath: join(dir, 'token'),
          },
          {},
          logger,
        ).readMetadata('app/db'),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    expect(errors.map(e => (e as Error).name)).toEqual([
      'NotAllowedError',
      'InputError',
      'ConflictError',
      'ServiceUnavailableError',
      'InputError',
      'ServiceUnavailableError',
      'ServiceUnavailableError',
      'NotAllowedError',
      'NotAllowedError',
    ]);
    // The server did quote them: the client is what kept them out.
    expect(server.requests.length).toBeGreaterThan(10);
    const forbidden = [
      SECRET,
      token,
      server.rootToken,
      approle.roleId,
      approle.secretId,
      jwt,
    ];
    const seen = [
      ...errors.flatMap(e => [
        String(e),
        (e as Error).stack ?? '',
        inspect(e),
        JSON.stringify(e),
      ]),
      JSON.stringify(logger.debug.mock.calls),
      JSON.stringify(logger.info.mock.calls),
      JSON.stringify(logger.warn.mock.calls),
      JSON.stringify(logger.error.mock.calls),
      inspect(root, { showHidden: true, depth: 5 }),
      JSON.stringify(root),
    ].join('\n');
    for (const value of forbidden) {
      expect(seen).not.toContain(value);
    }
    // What the messages do say: the instance, method and path.
    expect((errors[1] as Error).message).toBe(
      "Vault main rejected POST secret/data/app/db (400): Vault's message withheld: the request carried secret material",
    );
    expect((errors[3] as Error).message).toContain('token: [redacted]');
    expect(logger.warn).toHaveBeenCalledWith(
      'Vault main failed GET secret/metadata/app/db; trying again',
      expect.objectContaining({ status: 500, attempt: 1 }),
    );
  });

  it('keeps read values out of JSON, inspect and template strings', async () => {
    const root = client(rootAuth());
    await root.write('app/db', { password: SECRET });
    const read = await root.readVersionForInternalCheck('app/db');
    const values = read!.values;
    expect(JSON.stringify(read)).not.toContain(SECRET);
    expect(inspect(read, { depth: 10, showHidden: true })).not.toContain(
      SECRET,
    );
    expect(`${values}`).not.toContain(SECRET);
    expect(values.keys()).toEqual(['password']);
    expect(values.matches({ password: SECRET })).toBe(true);
    expect(values.reveal('password')).toBe(SECRET);
  });
});

describe('VaultClient requests', () => {
  it('retries idempotent requests with backoff, not a write without cas', async () => {
    const logger = mockServices.logger.mock();
    const root = client(rootAuth(), {}, logger);
    await root.write('app/db', { v: '1' });

    server.failNext(502, 503);
    await expect(root.readMetadata('app/db')).resolves.toBeDefined();
    expect(server.requestsTo(/^secret\/metadata\/app\/db$/)).toHaveLength(3);
    expect(logger.warn).toHaveBeenCalledTimes(2);

    server.failNext(502);
    await expect(root.write('app/db', { v: '2' })).rejects.toThrow(
      ServiceUnavailableError,
    );
    expect(server.requestsTo(/^secret\/data\/app\/db$/)).toHaveLength(2);

    server.failNext(502);
    await expect(root.write('app/db', { v: '2' }, { cas: 1 })).resolves.toEqual(
      expect.objectContaining({ version: 2 }),
    );
    expect(server.requestsTo(/^secret\/data\/app\/db$/)).toHaveLength(4);
  });

  it('stops after three tries and says Vault did not answer', async () => {
    const root = client(rootAuth());
    await root.readPolicy('default');
    server.failNext(500, 500, 500);
    await expect(root.listKeys('app')).rejects.toThrow(
      'Vault main failed GET secret/metadata/app/ (500): test failure 500',
    );
    server.setDown(true);
    await expect(root.health()).rejects.toThrow(
      /^Vault main did not answer GET sys\/health: connection failed/,
    );
  });

  it('does not follow redirects with the token', async () => {
    server.failNext(307);
    await expect(client(rootAuth()).readPolicy('default')).rejects.toThrow(
      /redirected GET auth\/token\/lookup-self \(307\)/,
    );
  });

  it('maps the 404, 400 and 412 answers', async () => {
    const root = client(rootAuth());
    expect(await root.readPolicy('absent')).toBeUndefined();
    expect(await root.readAppRole('approle', 'absent')).toBeUndefined();
    await expect(root.readMetadata('x')).resolves.toBeUndefined();
    await expect(
      root.writePolicy('p', 'path "x" { nope = 1 }'),
    ).rejects.toThrow(InputError);
    server.failNext(412);
    await expect(root.write('x', { v: '1' }, { cas: 0 })).rejects.toThrow(
      ConflictError,
    );
    await expect(root.write('../etc', { v: '1' })).rejects.toThrow(
      new InputError('Not a Vault secret path: ../etc'),
    );
    await expect(root.softDelete('x', [])).rejects.toThrow(InputError);
  });

  it('wraps a new SecretID so that the portal never holds it', async () => {
    const root = client(rootAuth());
    await root.writeAppRole('approle', 'svc', {
      token_policies: ['svc'],
      token_ttl: 60,
      token_max_ttl: 120,
      secret_id_ttl: 600,
    });
    const wrapped = await root.generateWrappedSecretId('approle', 'svc', 30);
    expect(wrapped).toEqual(
      expect.objectContaining({ token: expect.any(String), ttl: 30 }),
    );
    expect(JSON.stringify(wrapped)).not.toMatch(/secret_id/);
    const [sent] = server.requestsTo(/secret-id$/);
    expect(sent.headers['x-vault-wrap-ttl']).toBe('30s');
  });
});

describe('VaultClient health', () => {
  it.each([
    [{ standby: 'standby' as const }, { standby: true, sealed: false }],
    [
      { standby: 'performance' as const },
      { standby: true, performanceStandby: true },
    ],
    [{ standby: 'dr' as const }, { standby: true, sealed: false }],
    [{ initialized: false }, { initialized: false, sealed: true }],
  ])('answers %j without throwing', async (state, expected) => {
    server.setHealth(state);
    await expect(client(rootAuth()).health()).resolves.toEqual(
      expect.objectContaining(expected),
    );
  });

  it('sends no token and no namespace to sys/health', async () => {
    await client(rootAuth(), { namespace: 'team-a' }).health();
    expect(server.requests).toEqual([
      expect.objectContaining({
        path: 'sys/health',
        hasToken: false,
        namespace: '',
      }),
    ]);
  });
});

describe('VaultClient static tokens', () => {
  it('renews a periodic token and leaves the root token alone', async () => {
    const logger = mockServices.logger.mock();
    const token = server.createToken({ policies: [], ttlSeconds: 30 });
    const periodic = client({ type: 'token', token }, {}, logger);
    await periodic.readPolicy('default').catch(() => undefined);
    now += 15_000;
    await periodic.readPolicy('default').catch(() => undefined);
    expect(server.requestsTo(/renew-self/)).toHaveLength(0);
    now += 6_000;
    await periodic.readPolicy('default').catch(() => undefined);
    expect(server.requestsTo(/renew-self/)).toHaveLength(1);
    expect(logger.debug).toHaveBeenCalledWith(
      'Renewed the Vault main token',
      expect.objectContaining({ ttlSeconds: 30 }),
    );

    const root = client(rootAuth());
    await root.readPolicy('default');
    now += 10 * 86_400_000;
    await root.readPolicy('default');
    expect(server.requestsTo(/renew-self/)).toHaveLength(1);
    expect(server.requestsTo(/lookup-self/)).toHaveLength(2);
  });

  it('does not log in again for a refused static token', async () => {
    const stale = client({ type: 'token', token: 'hvs.revoked-long-ago' });
    await expect(stale.readMetadata('x')).rejects.toThrow(NotAllowedError);
    expect(server.requestsTo(/login/)).toHaveLength(0);
    expect(server.requestsTo(/^secret\//)).toHaveLength(1);
  });
});
