import {
  closedPortUrl,
  FakePortal,
  sendError,
  sendJson,
} from '../__testUtils__/fakePortal';
import { runFinops } from '../__testUtils__/runFinops';

describe('errors: one line on stderr, an exit code that says what happened', () => {
  let portal: FakePortal;
  beforeEach(async () => {
    portal = await FakePortal.start();
  });
  afterEach(() => portal.close());

  it('exits 6 with what to check when the portal does not answer', async () => {
    const url = await closedPortUrl();
    const run = await runFinops(['status', 'card-payments', '--portal', url], {
      env: { FINOPS_TOKEN: 't' },
    });
    expect(run.exitCode).toBe(6);
    expect(run.stderr).toBe(
      `finops: The portal at ${url} did not answer (connection refused): is it running? Check --portal\n`,
    );
    expect(run.stdout).toBe('');
  });

  it('exits 6 when the portal takes longer than --timeout, given before or after the command', async () => {
    portal.on('GET', '/api/catalog/entities', () => {
      // Never answers.
    });
    for (const args of [
      ['--timeout', '0.2', 'templates', 'list', '--portal', portal.url],
      ['templates', 'list', '--portal', portal.url, '--timeout', '0.2'],
    ]) {
      const run = await runFinops(args, { env: { FINOPS_TOKEN: 't' } });
      expect(run.exitCode).toBe(6);
      expect(run.stderr).toBe(
        `finops: The portal at ${portal.url} did not answer (timed out): is it running? Check --portal\n`,
      );
    }
  });

  it('exits 6 when the portal answers 5xx', async () => {
    portal.failEverything(
      503,
      'ServiceUnavailableError',
      'The database is not reachable',
    );
    const run = await runFinops(['templates', 'list', '--portal', portal.url], {
      env: { FINOPS_TOKEN: 't' },
    });
    expect(run.exitCode).toBe(6);
    expect(run.stderr).toBe(
      `finops: The portal at ${portal.url} is unavailable (503): The database is not reachable\n`,
    );
  });

  it('exits 3 and blames FINOPS_TOKEN when the portal rejects it', async () => {
    portal.failEverything(401, 'AuthenticationError', 'Illegal token');
    const run = await runFinops(
      ['status', 'card-payments', '--portal', portal.url],
      {
        env: { FINOPS_TOKEN: 'wrong' },
      },
    );
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toBe(
      `finops: The portal at ${portal.url} rejected the token in FINOPS_TOKEN: check it, or unset it and run finops login\n`,
    );
    expect(portal.requests[0].authorization).toBe('Bearer wrong');
  });

  it('exits 3 telling a newcomer to sign in when nothing is stored', async () => {
    portal.failEverything(401, 'AuthenticationError', 'Missing credentials');
    const run = await runFinops(['templates', 'list', '--portal', portal.url]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toBe(
      `finops: Not signed in to ${portal.url}: run finops login (or set FINOPS_TOKEN)\n`,
    );
    expect(portal.requests[0].authorization).toBeUndefined();
  });

  it("exits 4 on 403, with the portal's reason", async () => {
    portal.failEverything(
      403,
      'NotAllowedError',
      'You may not read pipeline data',
    );
    const run = await runFinops(['approvals', 'list', '--portal', portal.url], {
      env: { FINOPS_TOKEN: 't' },
    });
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toBe(
      'finops: Permission denied: You may not read pipeline data\n',
    );
  });

  it('exits 4 and asks for a person when a service token hits a user-only action', async () => {
    portal.failEverything(
      403,
      'NotAllowedError',
      "This endpoint does not allow 'service' credentials",
    );
    const run = await runFinops(
      [
        'deploy',
        'card-payments',
        '--env',
        'staging',
        '--version',
        'v1',
        '--portal',
        portal.url,
      ],
      { env: { FINOPS_TOKEN: 't' } },
    );
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toBe(
      'finops: Permission denied: this action needs a person, not a service token: unset FINOPS_TOKEN and run finops login\n',
    );
  });

  it('exits 5 naming the entity the catalog does not have', async () => {
    portal.on(
      'GET',
      '/api/catalog/entities/by-name/component/default/nope',
      (_req, res) => sendError(res, 404, 'NotFoundError', 'No entity named'),
    );
    const run = await runFinops(['status', 'nope', '--portal', portal.url], {
      env: { FINOPS_TOKEN: 't' },
    });
    expect(run.exitCode).toBe(5);
    expect(run.stderr).toBe(
      'finops: No entity component:default/nope in the catalog\n',
    );
  });

  it('exits 2 for invalid input the portal refuses', async () => {
    portal.on('POST', '/api/catalog/locations', (_req, res) =>
      sendError(res, 400, 'InputError', 'Unable to read url'),
    );
    const run = await runFinops(
      [
        'catalog',
        'register',
        'https://example.com/catalog-info.yaml',
        '--portal',
        portal.url,
      ],
      { env: { FINOPS_TOKEN: 't' } },
    );
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('finops: Invalid input: Unable to read url\n');
  });

  it('with --json, also puts the error on stdout as JSON', async () => {
    const url = await closedPortUrl();
    const run = await runFinops(['doctor', '--json', '--portal', url]);
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.healthy).toBe(false);
    expect(report.checks[0]).toMatchObject({
      name: 'portal',
      state: 'fail',
      detail: expect.stringContaining('did not answer (connection refused)'),
    });

    const failed = await runFinops(['whoami', '--json', '--portal', url], {
      env: { FINOPS_TOKEN: 't' },
    });
    expect(failed.exitCode).toBe(6);
    expect(JSON.parse(failed.stdout)).toEqual({
      error: {
        message: `The portal at ${url} did not answer (connection refused): is it running? Check --portal`,
        exitCode: 6,
      },
    });
  });

  it('sends the token to every plugin API under /api/<plugin>', async () => {
    portal
      .on(
        'GET',
        '/api/catalog/entities/by-name/component/default/card-payments',
        (_req, res) =>
          sendJson(res, 200, {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'card-payments', namespace: 'default' },
            spec: {
              type: 'service',
              owner: 'payments-team',
              lifecycle: 'production',
            },
          }),
      )
      .on('GET', '/api/pipelines/runs', (_req, res) =>
        sendJson(res, 200, { items: [] }),
      )
      .on('GET', '/api/pipelines/environments', (_req, res) =>
        sendJson(res, 200, { items: [] }),
      )
      .on('GET', '/api/pipelines/deploy-requests', (_req, res) =>
        sendJson(res, 200, { items: [] }),
      )
      .on(
        'GET',
        '/api/policy/entities/component/default/card-payments/compliance',
        (_req, res) =>
          sendJson(res, 200, {
            entityRef: 'component:default/card-payments',
            status: 'pass',
            revision: 'r1',
            evaluatedAt: null,
            reason: null,
            violations: [],
            excepted: [],
            exceptions: [],
          }),
      );
    const run = await runFinops(
      ['status', 'card-payments', '--portal', portal.url],
      {
        env: { FINOPS_TOKEN: 'secret-token' },
      },
    );
    expect(run.exitCode).toBe(0);
    const paths = portal.requests.map(r => r.path.split('?')[0]).sort();
    expect(paths).toEqual([
      '/api/catalog/entities/by-name/component/default/card-payments',
      '/api/health/slos',
      '/api/health/summary',
      '/api/pipelines/deploy-requests',
      '/api/pipelines/environments',
      '/api/pipelines/runs',
      '/api/policy/entities/component/default/card-payments/compliance',
    ]);
    expect(new Set(portal.requests.map(r => r.authorization))).toEqual(
      new Set(['Bearer secret-token']),
    );
    // No health backend here: the part says so, the rest shows.
    expect(run.stdout).toContain(
      'Health\n  not available: the portal has no health backend\n',
    );
    expect(run.stdout).toContain('Compliance\n  pass');
  });
});
