import {
  FakePortal,
  sendError,
  sendJson,
} from '../../__testUtils__/fakePortal';
import { runFinops } from '../../__testUtils__/runFinops';

function healthyPortal(portal: FakePortal) {
  return portal
    .on('GET', '/.backstage/health/v1/readiness', (_req, res) =>
      sendJson(res, 200, { status: 'ok' }),
    )
    .on('GET', '/api/catalog/entities', (_req, res) => sendJson(res, 200, []))
    .on('GET', '/api/catalog/entities/by-query', (_req, res) =>
      sendJson(res, 200, { items: [{}], totalItems: 42, pageInfo: {} }),
    )
    .on('GET', '/api/policy/rules', (_req, res) =>
      sendJson(res, 200, {
        revision: 'abcdef0123456789',
        loadedAt: '',
        current: true,
        rules: [{}, {}, {}],
      }),
    )
    .on('GET', '/api/secrets/status', (_req, res) =>
      sendJson(res, 200, {
        configured: true,
        instances: [
          {
            name: 'main',
            default: true,
            reachable: true,
            initialized: true,
            sealed: false,
            version: '1.15.2',
            message: 'ok',
          },
        ],
      }),
    )
    .on('GET', '/api/health/status', (_req, res) =>
      sendJson(res, 200, {
        instances: [
          {
            source: 'prometheus',
            name: 'main',
            default: true,
            url: 'http://prometheus:9090',
            state: 'ok',
            message: null,
            latencyMs: 3.4,
            version: '2.53.0',
          },
          {
            source: 'alertmanager',
            name: 'main',
            default: true,
            url: 'http://alertmanager:9093',
            state: 'unreachable',
            message: 'connection refused',
            latencyMs: null,
            version: null,
          },
        ],
        unconfigured: ['grafana'],
      }),
    );
}

describe('finops doctor', () => {
  let portal: FakePortal;
  beforeEach(async () => {
    portal = await FakePortal.start();
  });
  afterEach(() => portal.close());

  it('checks each integration, and fails when a configured one is down', async () => {
    healthyPortal(portal);
    const run = await runFinops(['doctor', '--json', '--portal', portal.url], {
      env: { FINOPS_TOKEN: 't' },
    });
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.healthy).toBe(false);
    expect(report.checks.map((c: any) => [c.name, c.state, c.detail])).toEqual([
      ['portal', 'ok', `ready at ${portal.url}`],
      ['signed in', 'ok', 'with a service token (FINOPS_TOKEN)'],
      ['catalog, database', 'ok', '42 entities'],
      ['policy (OPA)', 'ok', 'revision abcdef012345, 3 rules'],
      ['Vault main', 'ok', 'unsealed, 1.15.2'],
      ['Prometheus', 'ok', 'http://prometheus:9090, 2.53.0'],
      ['Alertmanager', 'fail', 'unreachable: connection refused'],
      ['Grafana', 'skip', 'not configured'],
      [
        'GitHub',
        'skip',
        'not checked: the portal has no status endpoint for it',
      ],
      [
        'Argo CD',
        'skip',
        'not checked: the portal has no status endpoint for it',
      ],
    ]);
    for (const check of report.checks.slice(0, 5)) {
      expect(typeof check.latencyMs).toBe('number');
    }
  });

  it('passes when what is configured answers, and says what is not installed', async () => {
    healthyPortal(portal).on('GET', '/api/health/status', (_req, res) =>
      sendError(res, 404, 'NotFoundError', 'Not Found'),
    );
    const run = await runFinops(['doctor', '--portal', portal.url], {
      env: { FINOPS_TOKEN: 't' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      /!\s+Prometheus\s+\d+ ms\s+not available: the portal has no health backend\n/,
    );
    expect(run.stdout).toContain('✔ Everything the platform needs answers.');
  });

  it('fails the sign-in check when the token is rejected', async () => {
    healthyPortal(portal).on('GET', '/api/catalog/entities', (_req, res) =>
      sendError(res, 401, 'AuthenticationError', 'Illegal token'),
    );
    const run = await runFinops(['doctor', '--portal', portal.url], {
      env: { FINOPS_TOKEN: 'wrong' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('rejected the token in FINOPS_TOKEN');
    expect(run.stdout).toMatch(/✘ Down: signed in, Alertmanager\.\n$/);
  });
});
