import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyServiceRef } from '@finops/plugin-policy-node';
import { Knex } from 'knex';
import request from 'supertest';
import { embeddedPolicyDecisions } from '@finops/plugin-policy-node/testUtils';
import { Recording } from './__testUtils__/recording';
import { VaultApiServer } from './testUtils/vault';
import { secretsPlugin } from './plugin';
import { VaultClient } from './vault/VaultClient';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const ANA = 'user:default/ana-lima';
const BEN = 'user:default/ben-okoro';
/** A value planted in every request; no log, response or row may hold it. */
const PLANTED = 'planted-Secret-Value-4e1f9a7c2b';

function component(
  name: string,
  classification: string,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'finops.io/data-classification': classification },
      ...extra,
    },
    spec: { type: 'service', owner: 'payments-team', lifecycle: 'production' },
  };
}

const ENTITIES = [
  component('card-payments', 'restricted'),
  component('ledger', 'internal', {
    annotations: {
      'finops.io/data-classification': 'internal',
      'finops.io/vault-secrets-paths': 'teams/ledger, shared/ledger-certs',
    },
  }),
  component('statements', 'internal', { tags: ['pci'] }),
];

function provision(overrides: object = {}) {
  return {
    entityRef: 'component:default/card-payments',
    environment: 'development',
    secrets: [
      {
        name: 'database',
        keys: [{ key: 'username', value: PLANTED }, { key: 'password' }],
      },
    ],
    auth: { method: 'approle' },
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())('secrets routes on %p', id => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map(close => close()));
  });

  async function start(
    options: {
      vault?: VaultApiServer | null;
      config?: object;
      deny?: string[];
    } = {},
  ) {
    const vault =
      options.vault === undefined
        ? await VaultApiServer.start()
        : options.vault;
    if (vault) closers.push(() => vault.close());
    const knex: Knex = await databases.init(id);
    const policy = await embeddedPolicyDecisions();
    const recording = new Recording();
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result: options.deny?.includes(r.permission.name)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
        })) as any,
    });
    const { server } = await startTestBackend({
      features: [
        secretsPlugin,
        mockServices.rootConfig.factory({
          data: {
            ...(vault && {
              secrets: {
                vault: {
                  instances: [
                    {
                      name: 'main',
                      baseUrl: vault.url,
                      uiUrl: 'https://vault.example.com',
                      timeoutMs: 2000,
                      auth: { type: 'token', token: vault.rootToken },
                    },
                  ],
                },
                ...options.config,
              },
            }),
          },
        }),
        catalogServiceMock.factory({ entities: ENTITIES }),
        mockServices.database.factory({ knex }),
        createServiceFactory({
          service: policyServiceRef,
          deps: {},
          factory: () => policy as any,
        }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => permissions,
        }),
        createServiceFactory({
          service: coreServices.userInfo,
          deps: {},
          factory: () => ({
            async getUserInfo(credentials: any) {
              const ref = credentials.principal.userEntityRef;
              return {
                userEntityRef: ref,
                ownershipEntityRefs:
                  ref === ANA ? [ANA, 'group:default/payments-team'] : [ref],
              };
            },
          }),
        }),
        ...recording.factories(),
      ],
    });
    const responses: string[] = [];
    const as = (user: string) => ({
      get: async (pathAndQuery: string) => {
        // As the generated client sends them: query values URL-encoded.
        const [path, query = ''] = pathAndQuery.split('?');
        const encoded = new URLSearchParams(query).toString();
        const res = await request(server)
          .get(`/api/secrets${path}${encoded ? `?${encoded}` : ''}`)
          .set('authorization', mockCredentials.user.header(user));
        responses.push(res.text);
        return res;
      },
      post: async (path: string, body: object = {}) => {
        const res = await request(server)
          .post(`/api/secrets${path}`)
          .set('authorization', mockCredentials.user.header(user))
          .send(body);
        responses.push(res.text);
        return res;
      },
    });
    const root =
      vault &&
      VaultClient.create({
        instance: {
          name: 'check',
          baseUrl: vault.url,
          kvMount: 'secret',
          timeoutMs: 2000,
          auth: { type: 'token', token: vault.rootToken },
        } as any,
        logger: mockServices.logger.mock(),
        retryDelayMs: 1,
      });
    /** Nothing planted in logs, audit events, responses, decisions or rows. */
    async function expectNoLeak() {
      const rows = await knex('secret_requests').select();
      const haystacks = {
        logs: recording.text(),
        responses: responses.join('\n'),
        decisions: JSON.stringify(policy.decided),
        rows: JSON.stringify(rows),
      };
      for (const [where, text] of Object.entries(haystacks)) {
        expect({ where, leaked: text.includes(PLANTED) }).toEqual({
          where,
          leaked: false,
        });
      }
      return haystacks;
    }
    return {
      vault,
      root: root!,
      knex,
      policy,
      recording,
      ana: as(ANA),
      ben: as(BEN),
      expectNoLeak,
    };
  }

  it('says what to configure when Vault is not configured', async () => {
    const { ana } = await start({ vault: null });
    const res = await ana.get(
      '/secrets?entityRef=component:default/card-payments',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      configured: false,
      help: expect.stringContaining('secrets.vault.instances'),
      paths: [],
    });
    const provisioned = await ana.post('/provision', provision());
    expect(provisioned.status).toBe(503);
    expect(provisioned.body.error.message).toMatch(/Vault is not configured/);
  });

  it('provisions an environment with least privilege, idempotently', async () => {
    const { vault, root, ana, expectNoLeak } = await start();

    const planned = await ana.post('/provision', provision({ dryRun: true }));
    expect(planned.status).toBe(200);
    expect(planned.body.outcome).toBe('planned');
    expect(
      await root.readMetadata(
        'services/default/card-payments/development/database',
      ),
    ).toBeUndefined();
    expect(
      await root.readPolicy('finops-default-card-payments-development-read'),
    ).toBeUndefined();

    const first = await ana.post('/provision', provision({ wrap: true }));
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe('applied');
    expect(first.body.changes).toEqual([
      expect.objectContaining({
        kind: 'secret',
        name: 'services/default/card-payments/development/database',
        action: 'create',
      }),
      expect.objectContaining({
        kind: 'policy',
        name: 'finops-default-card-payments-development-read',
        action: 'create',
      }),
      expect.objectContaining({
        kind: 'policy',
        name: 'finops-default-card-payments-development-write',
        action: 'create',
      }),
      expect.objectContaining({
        kind: 'approle',
        name: 'finops-default-card-payments-development',
        action: 'create',
      }),
      expect.objectContaining({
        kind: 'approle',
        name: 'finops-default-card-payments-development-pipeline',
        action: 'create',
      }),
    ]);
    expect(planned.body.changes).toEqual(first.body.changes);

    // The generated password comes back once, wrapped; unwrapping it in
    // Vault shows it, a second unwrap fails.
    const { token } = first.body.wrapped;
    const unwrap = () =>
      fetch(`${vault!.url}/v1/sys/wrapping/unwrap`, {
        method: 'POST',
        headers: { 'X-Vault-Token': token },
      });
    const unwrapped = await unwrap();
    expect(unwrapped.status).toBe(200);
    const { data } = await unwrapped.json();
    expect(Object.keys(data)).toEqual(['database.password']);
    expect(data['database.password']).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await unwrap()).status).toBe(400);
    const stored = await root.readVersionForInternalCheck(
      'services/default/card-payments/development/database',
      1,
    );
    expect(
      stored!.values.matches({
        username: PLANTED,
        password: data['database.password'],
      }),
    ).toBe(true);

    // The workload's policy reads this folder and nothing else; the
    // pipeline's writes it and nothing else.
    const withPolicy = (policy: string) =>
      VaultClient.create({
        instance: {
          name: 'as-role',
          baseUrl: vault!.url,
          kvMount: 'secret',
          timeoutMs: 2000,
          auth: {
            type: 'token',
            token: vault!.createToken({ policies: [policy] }),
          },
        } as any,
        logger: mockServices.logger.mock(),
        retryDelayMs: 1,
      });
    const workload = withPolicy(
      'finops-default-card-payments-development-read',
    );
    expect(
      (await workload.readVersionForInternalCheck(
        'services/default/card-payments/development/database',
        1,
      ))!.values.keys(),
    ).toEqual(['password', 'username']);
    await expect(
      workload.write('services/default/card-payments/development/database', {
        a: 'b',
      }),
    ).rejects.toThrow(/denied/);
    await expect(
      workload.readMetadata(
        'services/default/card-payments/production/database',
      ),
    ).rejects.toThrow(/denied/);
    const pipeline = withPolicy(
      'finops-default-card-payments-development-write',
    );
    await expect(
      pipeline.write('services/default/card-payments/development/api-key', {
        key: 'k',
      }),
    ).resolves.toMatchObject({ version: 1 });
    await expect(
      pipeline.write('services/default/ledger/development/database', {
        a: 'b',
      }),
    ).rejects.toThrow(/denied/);
    await expect(
      pipeline.deleteMetadata(
        'services/default/card-payments/development/database',
      ),
    ).rejects.toThrow(/denied/);
    expect(
      await root.readAppRole(
        'approle',
        'finops-default-card-payments-development',
      ),
    ).toMatchObject({
      token_policies: ['finops-default-card-payments-development-read'],
    });

    // Twice changes nothing: the secret keeps its values and version.
    const writes = vault!.requests.filter(
      r => r.method !== 'GET' && r.method !== 'LIST',
    ).length;
    const second = await ana.post('/provision', provision());
    expect(second.status).toBe(200);
    expect(second.body.changes.map((c: any) => c.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(second.body.wrapped).toBeNull();
    expect(
      vault!.requests.filter(r => r.method !== 'GET' && r.method !== 'LIST')
        .length,
    ).toBe(writes);
    expect(
      (await root.readMetadata(
        'services/default/card-payments/development/database',
      ))!.currentVersion,
    ).toBe(1);

    // A policy changed in Vault by hand is put back.
    await root.writePolicy(
      'finops-default-card-payments-development-read',
      'path "secret/*" { capabilities = ["read"] }',
    );
    const third = await ana.post('/provision', provision());
    expect(third.body.changes[1]).toMatchObject({
      kind: 'policy',
      action: 'update',
    });
    await expectNoLeak();
  });

  it('shows the metadata, bindings and rotation age, never values', async () => {
    const { ana, expectNoLeak } = await start();
    await ana.post('/provision', provision());
    const res = await ana.get(
      '/secrets?entityRef=component:default/card-payments',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      configured: true,
      instance: 'main',
      basePath: 'services/default/card-payments',
      kvMount: 'secret',
      maxAgeDays: 90,
      environments: ['development', 'staging', 'production'],
    });
    expect(res.body.paths).toEqual([
      {
        path: 'services/default/card-payments',
        problem: null,
        secrets: [
          expect.objectContaining({
            name: 'development/database',
            path: 'services/default/card-payments/development/database',
            currentVersion: 1,
            generatedKeys: ['password'],
            managed: true,
            overdue: false,
            ageDays: 0,
            uiUrl:
              'https://vault.example.com/ui/vault/secrets/secret/kv/services%2Fdefault%2Fcard-payments%2Fdevelopment%2Fdatabase',
          }),
        ],
      },
    ]);
    const development = res.body.bindings.filter(
      (b: any) => b.environment === 'development',
    );
    expect(development.map((b: any) => [b.kind, b.purpose, b.exists])).toEqual([
      ['policy', 'workload', true],
      ['policy', 'pipeline', true],
      ['approle', 'workload', true],
      ['approle', 'pipeline', true],
    ]);
    expect(
      res.body.bindings.filter(
        (b: any) => b.environment === 'production' && b.exists,
      ),
    ).toEqual([]);
    await expectNoLeak();
  });

  it('reads every annotated path, and says why one cannot be read', async () => {
    const { ana, root } = await start();
    await root.write('teams/ledger/api', { token: 't' });
    await root.write('teams/ledger/nested/deeper/cert', { pem: 'p' });
    const res = await ana.get('/secrets?entityRef=component:default/ledger');
    expect(res.status).toBe(200);
    expect(
      res.body.paths.map((p: any) => [
        p.path,
        p.secrets.map((s: any) => s.name),
        p.problem,
      ]),
    ).toEqual([
      ['teams/ledger', ['api', 'nested/deeper/cert'], null],
      ['shared/ledger-certs', [], null],
    ]);
    expect(res.body.paths[0].secrets[0]).toMatchObject({
      managed: false,
      generatedKeys: [],
    });
  });

  it('marks secrets older than the maximum age overdue, and tells the policy', async () => {
    const past = Date.now() - 5 * 86_400_000;
    const vault = await VaultApiServer.start({ clock: () => past });
    const { ana, policy } = await start({
      vault,
      config: { rotation: { maxAgeDays: 3 } },
    });
    await ana.post('/provision', provision());
    const res = await ana.get(
      '/secrets?entityRef=component:default/card-payments',
    );
    expect(res.body.paths[0].secrets[0]).toMatchObject({
      overdue: true,
      ageDays: 5,
    });
    const rotated = await ana.post('/rotate', {
      entityRef: 'component:default/card-payments',
      environment: 'development',
      secret: 'database',
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.violations).toEqual([
      expect.objectContaining({ rule: 'SEC-ROTATION-001' }),
    ]);
    const last = policy.decided[policy.decided.length - 1];
    expect(last.input).toMatchObject({
      action: 'rotate',
      max_age_days: 3,
      secrets: [
        {
          path: 'services/default/card-payments/development/database',
          age_days: 5,
        },
      ],
    });
  });

  it('rotates generated values, keeps supplied ones and older versions', async () => {
    const { vault, root, ana, expectNoLeak } = await start({
      config: { rotation: { keepVersions: 2 } },
    });
    await ana.post('/provision', provision());
    const path = 'services/default/card-payments/development/database';
    const before = (await root.readVersionForInternalCheck(path, 1))!.values;
    const rotate = (wrap = false) =>
      ana.post('/rotate', {
        entityRef: 'component:default/card-payments',
        environment: 'development',
        secret: 'database',
        wrap,
      });
    const res = await rotate(true);
    expect(res.status).toBe(200);
    expect(res.body.changes).toEqual([
      expect.objectContaining({ kind: 'secret', name: path, action: 'rotate' }),
    ]);
    const after = (await root.readVersionForInternalCheck(path, 2))!.values;
    expect(after.reveal('username')).toBe(PLANTED);
    expect(after.reveal('password')).not.toBe(before.reveal('password'));
    const unwrapped = await fetch(`${vault!.url}/v1/sys/wrapping/unwrap`, {
      method: 'POST',
      headers: { 'X-Vault-Token': res.body.wrapped.token },
    });
    expect((await unwrapped.json()).data).toEqual({
      'database.password': after.reveal('password'),
    });
    await rotate();
    const metadata = (await root.readMetadata(path))!;
    expect(metadata.currentVersion).toBe(3);
    expect(metadata.maxVersions).toBe(2);
    expect(metadata.versions.map(v => v.version)).toEqual([2, 3]);

    // Only what the platform generated is rotated.
    await root.write('services/default/card-payments/development/by-hand', {
      k: 'v',
    });
    const byHand = await ana.post('/rotate', {
      entityRef: 'component:default/card-payments',
      environment: 'development',
      secret: 'by-hand',
    });
    expect(byHand.status).toBe(409);
    const missing = await ana.post('/rotate', {
      entityRef: 'component:default/card-payments',
      environment: 'development',
      secret: 'nothing-here',
    });
    expect(missing.status).toBe(404);
    await expectNoLeak();
  });

  it('waits for another owner to approve restricted production secrets', async () => {
    const { root, ana, ben, knex, expectNoLeak } = await start();
    const generatedOnly = {
      environment: 'production',
      secrets: [{ name: 'database', keys: [{ key: 'password', length: 48 }] }],
    };

    // Supplied values are never parked in a waiting request.
    const supplied = await ana.post(
      '/provision',
      provision({ environment: 'production' }),
    );
    expect(supplied.status).toBe(400);
    expect(supplied.body.error.message).toMatch(/approval/);
    expect(await knex('secret_requests').count({ n: '*' })).toEqual([
      { n: expect.anything() },
    ]);
    expect(Number((await knex('secret_requests').count({ n: '*' }))[0].n)).toBe(
      0,
    );

    const asked = await ana.post('/provision', provision(generatedOnly));
    expect(asked.status).toBe(200);
    expect(asked.body.outcome).toBe('approval-required');
    expect(asked.body.violations.map((v: any) => v.rule)).toEqual([
      'SEC-APPROVAL-001',
    ]);
    const requestId = asked.body.request.id;
    expect(asked.body.request).toMatchObject({
      status: 'pending',
      requestedBy: ANA,
      secrets: [{ name: 'database', keys: ['password'] }],
    });
    expect(
      await root.readMetadata(
        'services/default/card-payments/production/database',
      ),
    ).toBeUndefined();

    const own = await ana.post(`/requests/${requestId}/approve`);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/SEC-SOD-001/);

    const approved = await ben.post(`/requests/${requestId}/approve`, {
      comment: 'ok',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'applied',
      reviewedBy: BEN,
      comment: 'ok',
    });
    expect(approved.body.message).toMatch(
      /secret services\/default\/card-payments\/production\/database: create/,
    );
    const stored = (await root.readMetadata(
      'services/default/card-payments/production/database',
    ))!;
    expect(stored.customMetadata['finops-generated-keys']).toBe('password:48');

    const again = await ben.post(`/requests/${requestId}/approve`);
    expect(again.status).toBe(409);

    const list = await ana.get(
      '/requests?entityRef=component:default/card-payments',
    );
    expect(list.body.items.map((r: any) => r.status)).toEqual(['applied']);

    // Rejected: nothing changes.
    const rotate = await ana.post('/rotate', {
      entityRef: 'component:default/card-payments',
      environment: 'production',
      secret: 'database',
    });
    expect(rotate.body.outcome).toBe('approval-required');
    const rejected = await ben.post(
      `/requests/${rotate.body.request.id}/reject`,
      { comment: 'not now' },
    );
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      reviewedBy: BEN,
    });
    expect(
      (await root.readMetadata(
        'services/default/card-payments/production/database',
      ))!.currentVersion,
    ).toBe(1);
    await expectNoLeak();
  });

  it('treats PCI and unclassified production data as restricted, not internal', async () => {
    const { ana } = await start();
    const generated = {
      environment: 'production',
      secrets: [{ name: 'db', keys: [{ key: 'password' }] }],
    };
    const pci = await ana.post(
      '/provision',
      provision({ ...generated, entityRef: 'component:default/statements' }),
    );
    expect(pci.body.outcome).toBe('approval-required');
    const internal = await ana.post(
      '/provision',
      provision({ ...generated, entityRef: 'component:default/ledger' }),
    );
    expect(internal.body.outcome).toBe('applied');
  });

  it('provisions a service a template has not registered yet, for its owners only', async () => {
    const { ana, ben, root } = await start();
    const entity = {
      ...component('new-service', 'internal'),
      metadata: {
        name: 'new-service',
        annotations: { 'finops.io/data-classification': 'internal' },
      },
    };
    const body = provision({
      entityRef: 'component:default/new-service',
      entity,
    });
    const refused = await ben.post('/provision', body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(
      /not in the catalog yet and its owner group:default\/payments-team/,
    );
    const done = await ana.post('/provision', body);
    expect(done.status).toBe(200);
    expect(done.body.outcome).toBe('applied');
    expect(
      await root.readMetadata(
        'services/default/new-service/development/database',
      ),
    ).toBeDefined();
    // The entity must be the one provisioned, and name an owner.
    const other = await ana.post('/provision', {
      ...body,
      entity: { ...entity, metadata: { name: 'another' } },
    });
    expect(other.status).toBe(400);
    const ownerless = await ana.post('/provision', {
      ...body,
      entity: { ...entity, spec: { type: 'service' } },
    });
    expect(ownerless.status).toBe(400);
    // Without an entity, an unknown service is not found.
    const unknown = await ana.post('/provision', {
      ...body,
      entity: undefined,
    });
    expect(unknown.status).toBe(404);
    // A registered entity's own facts win over a proposed one.
    const registered = await ana.post(
      '/provision',
      provision({
        environment: 'production',
        secrets: [{ name: 'db', keys: [{ key: 'password' }] }],
        entity: component('card-payments', 'public'),
      }),
    );
    expect(registered.body.outcome).toBe('approval-required');
  });

  it('binds a Kubernetes role to the workload service accounts', async () => {
    const { root, ana } = await start();
    const res = await ana.post(
      '/provision',
      provision({
        auth: {
          method: 'kubernetes',
          serviceAccounts: ['card-payments'],
          namespaces: ['payments'],
        },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.changes[3]).toMatchObject({
      kind: 'kubernetes',
      action: 'create',
    });
    expect(
      await root.readKubernetesRole(
        'kubernetes',
        'finops-default-card-payments-development',
      ),
    ).toMatchObject({
      bound_service_account_names: ['card-payments'],
      bound_service_account_namespaces: ['payments'],
      token_policies: ['finops-default-card-payments-development-read'],
    });
    const bad = await ana.post(
      '/provision',
      provision({ auth: { method: 'kubernetes' } }),
    );
    expect(bad.status).toBe(400);
  });

  it('answers bad input with 400 and changes nothing', async () => {
    const { ana, vault } = await start();
    const cases: Array<[object, RegExp]> = [
      [provision({ environment: 'moon' }), /Unknown environment moon/],
      [provision({ environment: 'Prod!' }), /environment/],
      [
        provision({
          secrets: [
            { name: 'a', keys: [{ key: 'k' }] },
            { name: 'a', keys: [{ key: 'k' }] },
          ],
        }),
        /listed twice/,
      ],
      [
        provision({
          secrets: [
            { name: 'a', keys: [{ key: 'k', value: 'v', length: 20 }] },
          ],
        }),
        /give one/,
      ],
      [
        provision({ secrets: [{ name: '../etc', keys: [{ key: 'k' }] }] }),
        /name/,
      ],
      [provision({ secrets: [] }), /secrets/],
      [provision({ extra: 1 }), /extra|additional/],
    ];
    for (const [body, message] of cases) {
      const res = await ana.post('/provision', body);
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 400,
        message: expect.stringMatching(message),
      });
    }
    expect(
      vault!.requests.filter(r => r.method !== 'GET' && r.method !== 'LIST'),
    ).toEqual([]);
    const notAnEntity = await ana.get(
      '/secrets?entityRef=component:default/nobody',
    );
    expect(notAnEntity.status).toBe(404);
    // Found by the security suite's fuzzer: a reference without a kind
    // was a 500.
    for (const ref of ['0000', 'component:', 'default/']) {
      for (const route of ['/secrets', '/requests']) {
        const res = await ana.get(`${route}?entityRef=${ref}`);
        expect({ route, ref, status: res.status }).toEqual({
          route,
          ref,
          status: 400,
        });
      }
    }
  });

  it('refuses non-owners', async () => {
    const { ana, root } = await start({
      deny: ['secrets.provision', 'secrets.rotate', 'secrets.metadata.read'],
    });
    const res = await ana.post('/provision', provision());
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /Only the owners of component:default\/card-payments/,
    );
    expect(
      await root.readMetadata(
        'services/default/card-payments/development/database',
      ),
    ).toBeUndefined();
    expect(
      (await ana.get('/secrets?entityRef=component:default/card-payments'))
        .status,
    ).toBe(403);
  });

  it('says clearly when Vault is sealed or down, and leaks nothing', async () => {
    const { vault, ana, expectNoLeak } = await start();
    vault!.seal();
    const sealed = await ana.post('/provision', provision());
    expect(sealed.status).toBe(503);
    expect(sealed.body.error.message).toMatch(/sealed/);
    const view = await ana.get(
      '/secrets?entityRef=component:default/card-payments',
    );
    expect(view.status).toBe(503);
    vault!.seal(false);
    vault!.setDown(true);
    const down = await ana.post('/provision', provision());
    expect(down.status).toBe(503);
    expect(down.body.error.message).toMatch(/main/);
    vault!.setDown(false);
    // Vault failing mid-way, quoting what it was sent.
    vault!.failNext(
      ...[1, 2, 3, 4, 5, 6, 7, 8].map(() => ({ status: 500, echo: true })),
    );
    const failed = await ana.post('/provision', provision());
    expect(failed.status).toBeGreaterThanOrEqual(500);
    const { logs } = await expectNoLeak();
    expect(logs).toMatch(/secrets-provision/);
  });
});
