import { FakePortal, sendJson } from '../../__testUtils__/fakePortal';
import { runFinops } from '../../__testUtils__/runFinops';

describe('finops secrets', () => {
  let portal: FakePortal;
  beforeEach(async () => {
    portal = await FakePortal.start();
  });
  afterEach(() => portal.close());
  const env = { FINOPS_TOKEN: 't' };

  it('provisions generated keys and prints only the wrapping token', async () => {
    portal.on('POST', '/api/secrets/provision', (_req, res) =>
      sendJson(res, 200, {
        outcome: 'applied',
        changes: [
          {
            kind: 'secret',
            name: 'staging/database',
            action: 'create',
            detail: 'keys username, password',
          },
          {
            kind: 'policy',
            name: 'card-payments-staging-read',
            action: 'create',
            detail: null,
          },
        ],
        violations: [],
        revision: 'r1',
        request: null,
        wrapped: {
          token: 'hvs.wrap-token',
          ttlSeconds: 300,
          expiresAt: '2025-06-01T12:05:00Z',
        },
      }),
    );
    const run = await runFinops(
      [
        'secrets',
        'provision',
        'card-payments',
        '--env',
        'staging',
        '--secret',
        'database:username,password',
        '--secret',
        'acquirer:api-key',
        '--length',
        '48',
        '--wrap',
        '--portal',
        portal.url,
      ],
      { env },
    );
    expect(run.exitCode).toBe(0);
    expect(portal.requests[0].body).toEqual({
      entityRef: 'component:default/card-payments',
      environment: 'staging',
      secrets: [
        {
          name: 'database',
          keys: [
            { key: 'username', length: 48 },
            { key: 'password', length: 48 },
          ],
        },
        { name: 'acquirer', keys: [{ key: 'api-key', length: 48 }] },
      ],
      auth: { method: 'approle' },
      dryRun: false,
      wrap: true,
    });
    expect(run.stdout).toBe(
      [
        '✔ Provisioned.',
        '  ACTION  KIND    NAME                        DETAIL',
        '  create  secret  staging/database            keys username, password',
        '  create  policy  card-payments-staging-read',
        '',
        'Generated values, readable once until 2025-06-01T12:05:00Z:',
        '  vault unwrap hvs.wrap-token',
        '',
      ].join('\n'),
    );
  });

  it('lists secret metadata, and says when Vault is not configured', async () => {
    portal.on('GET', '/api/secrets/secrets', (_req, res) =>
      sendJson(res, 200, {
        entityRef: 'component:default/card-payments',
        configured: false,
        help: 'Set secrets.vault in app-config.yaml.',
        instance: null,
        basePath: null,
        kvMount: null,
        paths: [],
        bindings: [],
        environments: [],
        maxAgeDays: 90,
        uiUrl: null,
      }),
    );
    const run = await runFinops(
      ['secrets', 'list', 'card-payments', '--portal', portal.url],
      { env },
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      'Vault is not configured in this portal. Set secrets.vault in app-config.yaml.\n',
    );
    expect(portal.requests[0].path).toBe(
      '/api/secrets/secrets?entityRef=component%3Adefault%2Fcard-payments',
    );
  });
});
