import {
  FakePortal,
  sendError,
  sendJson,
} from '../../__testUtils__/fakePortal';
import { runFinops } from '../../__testUtils__/runFinops';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const REF = 'component:default/card-payments';

function deployment(
  id: string,
  version: string,
  status: string,
  hoursAgo: number,
) {
  const at = new Date(NOW - hoursAgo * 3_600_000).toISOString();
  return {
    id,
    entityRef: REF,
    environment: 'production',
    version,
    sha: 'abc',
    status,
    triggeredBy: 'jane',
    approvedBy: 'sam',
    rollback: false,
    createdAt: at,
    updatedAt: at,
    url: null,
    source: 'github',
  };
}

function portalWithCardPayments(portal: FakePortal) {
  portal
    .on(
      'GET',
      '/api/catalog/entities/by-name/component/default/card-payments',
      (_req, res) =>
        sendJson(res, 200, {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'card-payments', title: 'Card payments' },
          spec: {
            type: 'service',
            owner: 'payments-team',
            system: 'payments',
            lifecycle: 'production',
          },
        }),
    )
    .on('GET', '/api/pipelines/runs', (_req, res) =>
      sendJson(res, 200, {
        items: [
          {
            id: '1',
            entityRef: REF,
            repository: 'acme/card-payments',
            workflowName: 'CI',
            runNumber: 42,
            runAttempt: 1,
            event: 'push',
            headBranch: 'main',
            headSha: 'deadbeefcafe',
            actor: 'jane',
            status: 'completed',
            conclusion: 'failure',
            createdAt: new Date(NOW - 3 * 3_600_000).toISOString(),
            startedAt: null,
            completedAt: null,
            durationMs: 252_000,
            htmlUrl: 'https://github.com/x',
          },
        ],
      }),
    )
    .on('GET', '/api/pipelines/environments', (_req, res) =>
      sendJson(res, 200, {
        items: [
          {
            environment: 'production',
            current: deployment('d1', 'v1.4.2', 'success', 48),
            history: [deployment('d2', 'v1.5.0', 'failure', 2)],
          },
        ],
      }),
    )
    .on('GET', '/api/pipelines/deploy-requests', (_req, res) =>
      sendJson(res, 200, { items: [] }),
    )
    .on('GET', '/api/health/summary', (_req, res) =>
      sendJson(res, 200, {
        entityRef: REF,
        title: null,
        owner: null,
        system: null,
        status: 'warning',
        reasons: ['Availability burns its error budget 6x too fast'],
        errorBudgetRemaining: 0.42,
        sloStatus: 'warning',
        firingAlerts: 1,
        criticalAlerts: 0,
        sources: [
          {
            source: 'grafana',
            instance: null,
            state: 'not-configured',
            message: null,
          },
        ],
      }),
    )
    .on('GET', '/api/health/slos', (_req, res) =>
      sendJson(res, 200, {
        entityRef: REF,
        errorBudgetRemaining: 0.42,
        status: 'warning',
        errors: [],
        source: {
          source: 'prometheus',
          instance: 'main',
          state: 'ok',
          message: null,
        },
        slos: [
          {
            kind: 'availability',
            title: '99.9% of requests succeed',
            objective: 0.999,
            windowDays: 28,
            thresholdSeconds: null,
            attainment: 0.99942,
            errorBudget: { total: 0.001, consumed: 0.58, remaining: 0.42 },
            burnRates: [],
            status: 'warning',
            reason: 'burning',
            queries: { good: 'x', total: 'y' },
          },
        ],
      }),
    )
    .on(
      'GET',
      '/api/policy/entities/component/default/card-payments/compliance',
      (_req, res) =>
        sendJson(res, 200, {
          entityRef: REF,
          status: 'fail',
          revision: 'r1',
          evaluatedAt: new Date(NOW - 600_000).toISOString(),
          reason: null,
          violations: [
            {
              rule: 'CAT-ONCALL-001',
              severity: 'high',
              message: 'no on-call',
              remediation: 'add one',
              frameworks: [],
            },
          ],
          excepted: ['CAT-DOCS-001'],
          exceptions: [],
        }),
    );
}

describe('finops status', () => {
  let portal: FakePortal;
  beforeEach(async () => {
    portal = await FakePortal.start();
    portalWithCardPayments(portal);
  });
  afterEach(() => portal.close());

  it('shows runs, deployments, health, SLOs and violations', async () => {
    const run = await runFinops(
      ['status', 'card-payments', '--portal', portal.url],
      {
        env: { FINOPS_TOKEN: 't' },
        deps: { now: () => NOW },
      },
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      [
        'component:default/card-payments  Card payments',
        '  type service · owner payments-team · system payments · lifecycle production',
        '',
        'Latest runs',
        '  RUN  WORKFLOW  BRANCH  RESULT   TOOK    WHEN     COMMIT',
        '  #42  CI        main    failure  4m 12s  3 h ago  deadbee',
        '',
        'Deployments',
        '  ENVIRONMENT  VERSION  DEPLOYED  BY    LATEST',
        '  production   v1.4.2   2 d ago   jane  v1.5.0 failure',
        '',
        'Health',
        '  warning  error budget 42.0% left  · firing alerts 1',
        '  Availability burns its error budget 6x too fast',
        '  SLO                        ATTAINMENT  BUDGET LEFT  STATUS',
        '  99.9% of requests succeed  99.942%     42.0%        warning',
        '  ! grafana not-configured',
        '',
        'Compliance',
        '  fail · 1 open violation · checked 10 min ago',
        '    CAT-ONCALL-001 (high) no on-call',
        '  excepted: CAT-DOCS-001',
        '',
        'Pending deploy requests',
        '  None.',
        '',
      ].join('\n'),
    );
  });

  it('says which part is missing, and why, instead of failing', async () => {
    portal
      .on('GET', '/api/health/summary', (_req, res) =>
        sendError(
          res,
          503,
          'ServiceUnavailableError',
          'Prometheus is not configured',
        ),
      )
      .on('GET', '/api/pipelines/runs', (_req, res) =>
        sendError(
          res,
          403,
          'NotAllowedError',
          'You may not read pipeline data',
        ),
      );
    const run = await runFinops(
      ['status', 'card-payments', '--json', '--portal', portal.url],
      {
        env: { FINOPS_TOKEN: 't' },
      },
    );
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.health).toEqual({
      available: false,
      reason: `The portal at ${portal.url} is unavailable (503): Prometheus is not configured`,
    });
    expect(report.runs).toEqual({
      available: false,
      reason: 'Permission denied: You may not read pipeline data',
    });
    expect(report.compliance.available).toBe(true);
    expect(report.environments.data[0].current.version).toBe('v1.4.2');
  });
});
