import { mockServices } from '@backstage/backend-test-utils';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceAccountJwt, VaultApiServer } from '../testUtils/vault';
import { VaultClient } from './VaultClient';
import { VaultAuthConfig, VaultInstanceConfig } from './vaultConfig';

/*
 * One contract, two Vaults: the Vault-API test server always, and a real
 * Vault or OpenBao dev server when VAULT_ADDR and VAULT_TOKEN are set (see
 * the README). Against a real one every path, policy and role carries a
 * unique prefix and is removed afterwards. What only the test server can
 * stage (namespaces, sealing, slowness, Kubernetes) is skipped there.
 */

jest.setTimeout(60_000);

interface Harness {
  kind: 'test server' | 'real Vault';
  addr: string;
  rootToken: string;
  /** Unique per run: secret paths, policy and role names start with it. */
  prefix: string;
  clock: () => number;
  /** Lets time pass: moves the test server's clock, or waits for a real Vault. */
  pass(ms: number): Promise<void>;
  server?: VaultApiServer;
  stop(): Promise<void>;
}

const targets: Array<[string, Harness['kind'], () => Promise<Harness>]> = [
  ['the test server', 'test server', startTestServer],
];
if (process.env.VAULT_ADDR && process.env.VAULT_TOKEN) {
  const label = `Vault at ${process.env.VAULT_ADDR}`;
  targets.push([label, 'real Vault', startRealVault]);
}

describe.each(targets)('VaultClient against %s', (_label, kind, start) => {
  let h: Harness;
  let root: VaultClient;
  const cleanups: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    h = await start();
    root = client({ type: 'token', token: h.rootToken });
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch(() => undefined);
    }
    await h?.stop();
  });

  function client(
    auth: VaultAuthConfig,
    extra: Partial<VaultInstanceConfig> = {},
    logger = mockServices.logger.mock(),
  ): VaultClient {
    return VaultClient.create({
      instance: {
        name: 'contract',
        baseUrl: h.addr,
        kvMount: 'secret',
        timeoutMs: 5_000,
        auth,
        ...extra,
      },
      logger,
      clock: h.clock,
      retryDelayMs: 10,
    });
  }

  /** A unique secret path, removed after the run. */
  function secretPath(name: string): string {
    const path = `${h.prefix}/${name}`;
    cleanups.push(() => root.deleteMetadata(path));
    return path;
  }

  async function policy(name: string, hcl: string): Promise<string> {
    const full = `${h.prefix}-${name}`;
    cleanups.push(() => root.deletePolicy(full));
    await root.writePolicy(full, hcl);
    return full;
  }

  /** An AppRole role, and a client that logs in with it. */
  async function appRole(
    name: string,
    settings: { policies: string[]; ttl: number; maxTtl: number },
    logger = mockServices.logger.mock(),
  ) {
    const role = `${h.prefix}-${name}`;
    cleanups.push(() => root.deleteAppRole('approle', role));
    await root.writeAppRole('approle', role, {
      token_policies: settings.policies,
      token_ttl: settings.ttl,
      token_max_ttl: settings.maxTtl,
      secret_id_ttl: 600,
    });
    const roleId = (await root.readRoleId('approle', role))!;
    const wrapped = await root.generateWrappedSecretId('approle', role, 60);
    const { body } = await unwrap(h, wrapped.token);
    const workload = client(
      {
        type: 'approle',
        mount: 'approle',
        roleId,
        secretId: body.data.secret_id,
      },
      {},
      logger,
    );
    return { role, roleId, workload, logger };
  }

  it('answers sys/health', async () => {
    const health = await root.health();
    expect(health).toEqual(
      expect.objectContaining({
        initialized: true,
        sealed: false,
        standby: false,
        version: expect.stringMatching(/^\d+\.\d+/),
      }),
    );
  });

  it('writes versions and describes them without their values', async () => {
    const path = secretPath('payments/db');
    const first = await root.write(path, { password: 'one' });
    const second = await root.write(path, { password: 'two' }, { cas: 1 });
    expect([first.version, second.version]).toEqual([1, 2]);
    await root.writeMetadata(path, { customMetadata: { owner: 'payments' } });

    const metadata = await root.readMetadata(path);
    expect(metadata).toEqual(
      expect.objectContaining({
        currentVersion: 2,
        customMetadata: { owner: 'payments' },
        casRequired: false,
        versions: [
          expect.objectContaining({ version: 1, destroyed: false }),
          expect.objectContaining({ version: 2, destroyed: false }),
        ],
      }),
    );
    expect(metadata!.versions[0].deletionTime).toBeUndefined();
    expect(Date.parse(metadata!.versions[1].createdTime)).not.toBeNaN();
    expect(JSON.stringify(metadata)).not.toMatch(/one|two/);

    const values = await root.readVersionForInternalCheck(path, 1);
    expect(values?.version).toBe(1);
    expect(values?.values.matches({ password: 'one' })).toBe(true);
    expect(values?.values.matches({ password: 'two' })).toBe(false);
  });

  it('lists keys, folders with a slash, and nothing under an absent path', async () => {
    await root.write(secretPath('list/a'), { v: '1' });
    await root.write(secretPath('list/b/c'), { v: '1' });
    expect(await root.listKeys(`${h.prefix}/list`)).toEqual(['a', 'b/']);
    expect(await root.listKeys(`${h.prefix}/nothing-here`)).toEqual([]);
    expect(await root.readMetadata(`${h.prefix}/nothing-here`)).toBeUndefined();
  });

  it('refuses a stale check-and-set with a ConflictError', async () => {
    const path = secretPath('cas');
    expect((await root.write(path, { v: 'a' }, { cas: 0 })).version).toBe(1);
    const again = root.write(path, { v: 'b' }, { cas: 0 });
    await expect(again).rejects.toThrow(ConflictError);
    await expect(again).rejects.toThrow(
      `Vault contract refused POST secret/data/${path}`,
    );
    await expect(root.write(path, { v: 'c' }, { cas: 5 })).rejects.toThrow(
      ConflictError,
    );
    expect((await root.readMetadata(path))?.currentVersion).toBe(1);
  });

  it('requires check-and-set once cas_required is set', async () => {
    const path = secretPath('cas-required');
    await root.writeMetadata(path, { casRequired: true });
    await expect(root.write(path, { v: 'a' })).rejects.toThrow(InputError);
    await expect(root.write(path, { v: 'a' }, { cas: 0 })).resolves.toEqual(
      expect.objectContaining({ version: 1 }),
    );
  });

  it('soft-deletes and destroys versions', async () => {
    const path = secretPath('delete');
    for (const v of ['1', '2', '3']) await root.write(path, { v });
    await root.softDelete(path, [1]);
    await root.destroy(path, [2]);

    const versions = (await root.readMetadata(path))!.versions;
    expect(versions[0].deletionTime).toEqual(expect.any(String));
    expect(versions[0].destroyed).toBe(false);
    expect(versions[1].destroyed).toBe(true);
    expect(await root.readVersionForInternalCheck(path, 1)).toBeUndefined();
    expect(await root.readVersionForInternalCheck(path, 2)).toBeUndefined();
    const current = await root.readVersionForInternalCheck(path);
    expect(current?.version).toBe(3);
    expect(current?.values.reveal('v')).toBe('3');
  });

  it('keeps max_versions versions', async () => {
    const path = secretPath('max-versions');
    await root.writeMetadata(path, { maxVersions: 2 });
    for (const v of ['1', '2', '3']) await root.write(path, { v });
    const metadata = await root.readMetadata(path);
    expect(metadata?.maxVersions).toBe(2);
    expect(metadata?.versions.map(v => v.version)).toEqual([2, 3]);
  });

  it('writes and reads ACL policies', async () => {
    const hcl = `path "secret/data/${h.prefix}/x/*" {\n  capabilities = ["read"]\n}\n`;
    const name = await policy('reader', hcl);
    expect(await root.readPolicy(name)).toEqual({ name, policy: hcl });
    expect(await root.readPolicy(`${h.prefix}-absent`)).toBeUndefined();
  });

  it('lets an AppRole workload read its own path and nothing else', async () => {
    const own = secretPath('svc-a/config');
    const other = secretPath('svc-b/config');
    await root.write(own, { key: 'a' });
    await root.write(other, { key: 'b' });
    const name = await policy(
      'svc-a',
      `path "secret/data/${h.prefix}/svc-a/*" { capabilities = ["read"] }`,
    );
    const { role, roleId, workload } = await appRole('svc-a', {
      policies: [name],
      ttl: 300,
      maxTtl: 600,
    });

    expect(roleId).toEqual(expect.any(String));
    expect(await root.readAppRole('approle', role)).toEqual({
      token_policies: [name],
      token_ttl: 300,
      token_max_ttl: 600,
      secret_id_ttl: 600,
      token_bound_cidrs: [],
    });
    const read = await workload.readVersionForInternalCheck(own);
    expect(read?.values.matches({ key: 'a' })).toBe(true);
    await expect(workload.readVersionForInternalCheck(other)).rejects.toThrow(
      NotAllowedError,
    );
    await expect(workload.write(own, { key: 'x' })).rejects.toThrow(
      `Vault contract denied POST secret/data/${own}: permission denied`,
    );
  });

  it('renews a token past two thirds of its TTL', async () => {
    const path = secretPath('renew');
    await root.write(path, { v: '1' });
    const name = await policy(
      'renew',
      `path "secret/metadata/${h.prefix}/*" { capabilities = ["read"] }`,
    );
    const { workload, logger } = await appRole('renew', {
      policies: [name],
      ttl: 3,
      maxTtl: 60,
    });
    await workload.readMetadata(path);
    expect(logger.debug).not.toHaveBeenCalled();
    await h.pass(2_200);
    await expect(workload.readMetadata(path)).resolves.toBeDefined();
    expect(logger.debug).toHaveBeenCalledWith(
      'Renewed the Vault contract token',
      expect.objectContaining({ ttlSeconds: expect.any(Number) }),
    );
    expect(logger.info).toHaveBeenCalledTimes(1);
    // A real Vault keeps no request log; the debug line above says it there.
    const renewals = h.server?.requestsTo(/^auth\/token\/renew-self$/);
    expect(renewals?.length ?? 1).toBe(1);
  });

  it('logs in again once the token expired', async () => {
    const path = secretPath('expiry');
    await root.write(path, { v: '1' });
    const name = await policy(
      'expiry',
      `path "secret/metadata/${h.prefix}/*" { capabilities = ["read"] }`,
    );
    const { workload, logger } = await appRole('expiry', {
      policies: [name],
      ttl: 2,
      maxTtl: 2,
    });
    await workload.readMetadata(path);
    await h.pass(2_500);
    await expect(workload.readMetadata(path)).resolves.toBeDefined();
    expect(logger.info).toHaveBeenCalledTimes(2);
  });

  it('wraps data for exactly one unwrap', async () => {
    const wrapped = await root.wrap({ password: 'shown-once' }, 60);
    expect(wrapped.ttl).toBe(60);
    expect(Date.parse(wrapped.creationTime)).not.toBeNaN();

    const first = await unwrap(h, wrapped.token);
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({ password: 'shown-once' });
    const second = await unwrap(h, wrapped.token);
    expect(second.status).toBe(400);
    expect(second.body.errors.join(' ')).toContain(
      'wrapping token is not valid or does not exist',
    );
  });

  it('answers NotAllowedError to a token Vault does not know', async () => {
    const bad = `hvs.${randomBytes(18).toString('hex')}`;
    const stranger = client({ type: 'token', token: bad });
    const error = await stranger
      .readMetadata(`${h.prefix}/anything`)
      .catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toContain('permission denied');
    expect(error.message).not.toContain(bad);
  });

  /** What only the test server can stage. */
  const onTestServer = kind === 'test server' ? describe : describe.skip;

  onTestServer('on the test server only', () => {
    it('sends X-Vault-Namespace, with a store per namespace', async () => {
      const path = secretPath('namespaced');
      const teamA = client(
        { type: 'token', token: h.rootToken },
        { namespace: 'team-a' },
      );
      await teamA.write(path, { v: 'a' });
      expect(await teamA.readMetadata(path)).toBeDefined();
      expect(await root.readMetadata(path)).toBeUndefined();
      const sent = h.server!.requestsTo(/^secret\/data\//);
      expect(sent.at(-1)?.namespace).toBe('team-a');
      expect(sent.at(-1)?.headers['x-vault-namespace']).toBe('team-a');
    });

    it('says a sealed Vault is sealed', async () => {
      h.server!.seal();
      try {
        await expect(root.readMetadata(`${h.prefix}/x`)).rejects.toThrow(
          new ServiceUnavailableError(
            `Vault contract is sealed (GET secret/metadata/${h.prefix}/x)`,
          ),
        );
        expect(await root.health()).toEqual(
          expect.objectContaining({ sealed: true, initialized: true }),
        );
      } finally {
        h.server!.seal(false);
      }
    });

    it('gives up after timeoutMs', async () => {
      const impatient = client(
        { type: 'token', token: h.rootToken },
        { timeoutMs: 100 },
      );
      await impatient.readMetadata(`${h.prefix}/x`);
      h.server!.setDelay(1_000);
      try {
        const started = Date.now();
        await expect(impatient.readMetadata(`${h.prefix}/x`)).rejects.toThrow(
          new ServiceUnavailableError(
            `Vault contract did not answer GET secret/metadata/${h.prefix}/x: no answer within 100 ms`,
          ),
        );
        expect(Date.now() - started).toBeLessThan(900);
      } finally {
        h.server!.setDelay(0);
      }
    });

    it('logs in with a Kubernetes service account token', async () => {
      const path = secretPath('k8s/config');
      await root.write(path, { v: '1' });
      const name = await policy(
        'k8s',
        `path "secret/data/${h.prefix}/k8s/*" { capabilities = ["read"] }`,
      );
      await root.writeKubernetesRole('kubernetes', 'payments', {
        bound_service_account_names: ['payments-api'],
        bound_service_account_namespaces: ['payments'],
        token_policies: [name],
        token_ttl: 600,
      });
      expect(await root.readKubernetesRole('kubernetes', 'payments')).toEqual({
        bound_service_account_names: ['payments-api'],
        bound_service_account_namespaces: ['payments'],
        token_policies: [name],
        token_ttl: 600,
      });
      const dir = await mkdtemp(join(tmpdir(), 'vault-k8s-'));
      try {
        const jwtPath = join(dir, 'token');
        const kubernetes = client({
          type: 'kubernetes',
          mount: 'kubernetes',
          role: 'payments',
          jwtPath,
        });
        await writeFile(jwtPath, serviceAccountJwt('payments', 'payments-api'));
        const read = await kubernetes.readVersionForInternalCheck(path);
        expect(read?.values.reveal('v')).toBe('1');

        const impostor = client({
          type: 'kubernetes',
          mount: 'kubernetes',
          role: 'payments',
          jwtPath,
        });
        await writeFile(jwtPath, serviceAccountJwt('payments', 'billing-api'));
        await expect(impostor.readMetadata(path)).rejects.toThrow(
          new NotAllowedError(
            "Vault contract refused the portal's login at auth/kubernetes/login: service account name not authorized",
          ),
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('logs in again once when a token was revoked', async () => {
      const path = secretPath('revoked');
      await root.write(path, { v: '1' });
      const name = await policy(
        'revoked',
        `path "secret/metadata/${h.prefix}/*" { capabilities = ["read"] }`,
      );
      const { workload, logger } = await appRole('revoked', {
        policies: [name],
        ttl: 600,
        maxTtl: 600,
      });
      await workload.readMetadata(path);
      h.server!.revokeTokens();
      await expect(workload.readMetadata(path)).resolves.toBeDefined();
      expect(logger.info).toHaveBeenCalledTimes(2);
      // A real refusal stays one: one new login, one retry, then the error.
      await expect(workload.readMetadata('elsewhere/x')).rejects.toThrow(
        NotAllowedError,
      );
      expect(logger.info).toHaveBeenCalledTimes(3);
    });
  });
});

async function unwrap(
  h: Harness,
  token: string,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${h.addr}/v1/sys/wrapping/unwrap`, {
    method: 'POST',
    headers: { 'X-Vault-Token': token },
  });
  return { status: response.status, body: await response.json() };
}

function uniquePrefix(): string {
  return `finops-contract-${Date.now().toString(36)}-${randomBytes(3).toString(
    'hex',
  )}`;
}

async function startTestServer(): Promise<Harness> {
  let now = Date.now();
  const clock = () => now;
  const server = await VaultApiServer.start({ clock });
  return {
    kind: 'test server',
    addr: server.url,
    rootToken: server.rootToken,
    prefix: uniquePrefix(),
    clock,
    pass: async ms => {
      now += ms;
    },
    server,
    stop: () => server.close(),
  };
}

async function startRealVault(): Promise<Harness> {
  return {
    kind: 'real Vault',
    addr: process.env.VAULT_ADDR!.replace(/\/+$/, ''),
    rootToken: process.env.VAULT_TOKEN!,
    prefix: uniquePrefix(),
    clock: Date.now,
    pass: ms => new Promise(resolve => setTimeout(resolve, ms)),
    stop: async () => undefined,
  };
}
