import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { healthPlugin } from './plugin';
import {
  freePort,
  GrafanaApiServer,
  MetricsExporter,
  observabilityAvailable,
  postAlerts,
  postSilence,
  RunningService,
  startAlertmanager,
  startPrometheus,
} from './testUtils';

jest.setTimeout(120_000);

const GRAFANA_TOKEN = 'glsa_health_test_token';
const BUCKETS = ['0.05', '0.1', '0.25', '0.5', '1', '+Inf'];

/** Cumulative bucket counts per scrape, in the order of BUCKETS. */
const buckets = (...counts: number[]) =>
  Object.fromEntries(BUCKETS.map((le, i) => [le, counts[i]]));

/*
 * What the exporter adds per scrape.
 *
 * checkout: 200 requests: 197 × 200, 2 × 500, 1 × 503.
 *   bad share = 3 / 200 = 0.015
 *   buckets over all statuses: ≤0.05: 150, ≤0.1: 180, ≤0.25: 196,
 *   ≤0.5: 199, ≤1: 200; slower than 250 ms: 4 / 200 = 0.02
 *   p50: rank 100 in (0, 0.05] holding 150 → 0.05 × 100/150 = 0.0333…
 *   p90: rank 180 in (0.05, 0.1] holding 30 → 0.05 + 0.05 × 30/30 = 0.1
 *   p99: rank 198 in (0.25, 0.5] holding 3 → 0.25 + 0.25 × 2/3 = 0.41666…
 *   CPU: 0.5 s per one-second scrape → about 0.5 cores
 * ledger: 1000 requests: 999 × 200, 1 × 500 → bad share 0.001;
 *   ≤0.25: 995 → slower than 250 ms: 0.005.
 */
const REQUESTS = [
  {
    labels: {
      service: 'checkout',
      method: 'GET',
      route: '/v1/pay',
      status: '200',
    },
    count: 197,
    buckets: buckets(150, 180, 195, 197, 197, 197),
    sumSeconds: 10,
  },
  {
    labels: {
      service: 'checkout',
      method: 'GET',
      route: '/v1/pay',
      status: '500',
    },
    count: 2,
    buckets: buckets(0, 0, 1, 2, 2, 2),
    sumSeconds: 0.5,
  },
  {
    labels: {
      service: 'checkout',
      method: 'GET',
      route: '/v1/pay',
      status: '503',
    },
    count: 1,
    buckets: buckets(0, 0, 0, 0, 1, 1),
    sumSeconds: 0.8,
  },
  {
    labels: {
      service: 'ledger',
      method: 'POST',
      route: '/v1/post',
      status: '200',
    },
    count: 999,
    buckets: buckets(900, 990, 994, 999, 999, 999),
    sumSeconds: 30,
  },
  {
    labels: {
      service: 'ledger',
      method: 'POST',
      route: '/v1/post',
      status: '500',
    },
    count: 1,
    buckets: buckets(0, 0, 1, 1, 1, 1),
    sumSeconds: 0.2,
  },
];

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'group:default/payments-team',
      lifecycle: 'production',
      system: 'payments',
    },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/payments-team' },
      { type: 'partOf', targetRef: 'system:default/payments' },
    ],
  };
}

const ENTITIES = [
  component('checkout', {
    'finops.io/slo-availability': '99',
    'finops.io/slo-latency': '99% < 250ms',
    'grafana/dashboard-selector': "tags @> 'service:checkout'",
    'grafana/alert-label-selector': 'service=checkout',
    'finops.io/grafana-panels': 'co-main/2',
  }),
  component('ledger', {
    'finops.io/prometheus-selector': '{service="ledger"}',
    'finops.io/slo-availability': '99.5',
    'finops.io/slo-latency': '99% < 250ms',
    'finops.io/slo-window': '7d',
  }),
  component('ledger-odd', {
    'finops.io/prometheus-selector': 'service="ledger"',
    'finops.io/slo-latency': '99% < 300ms',
  }),
  component('broken', {
    'finops.io/prometheus-selector': 'up == 0',
    'finops.io/slo-availability': '100',
    'finops.io/prometheus-query-request-rate': 'sum(rate(x[5m]',
  }),
  component('bad-query', {
    'finops.io/prometheus-query-request-rate': 'sum(rate(x[5m]',
  }),
  component('quiet', {}),
];

const describeReal = observabilityAvailable() ? describe : describe.skip;

describeReal('health routes against real Prometheus and Alertmanager', () => {
  let exporter: MetricsExporter;
  let prometheus: RunningService;
  let alertmanager: RunningService;
  let grafana: GrafanaApiServer;
  let closedPort: number;

  beforeAll(async () => {
    exporter = await MetricsExporter.start({
      requests: REQUESTS,
      cpu: [
        { labels: { service: 'checkout' }, secondsPerScrape: 0.5 },
        { labels: { service: 'ledger' }, secondsPerScrape: 0.25 },
      ],
    });
    [prometheus, alertmanager, grafana, closedPort] = await Promise.all([
      startPrometheus({ targets: [exporter.target] }),
      startAlertmanager(),
      GrafanaApiServer.start({ token: GRAFANA_TOKEN }),
      freePort(),
    ]);
    grafana.dashboards.push(
      {
        uid: 'co-main',
        title: 'Checkout overview',
        tags: ['service:checkout', 'payments'],
        folderTitle: 'Payments',
        panels: [
          { id: 1, title: 'Requests' },
          { id: 2, title: 'Error budget' },
        ],
      },
      { uid: 'other', title: 'Ledger', tags: ['service:ledger'], panels: [] },
    );
    grafana.rules.push(
      {
        uid: 'r1',
        title: 'Checkout 5xx',
        folderUID: 'pay',
        labels: { service: 'checkout' },
      },
      {
        uid: 'r2',
        title: 'Ledger lag',
        folderUID: 'pay',
        labels: { service: 'ledger' },
      },
    );
    await postAlerts(alertmanager.baseUrl, [
      {
        labels: {
          alertname: 'CheckoutErrors',
          service: 'checkout',
          severity: 'critical',
        },
        annotations: {
          summary: 'Checkout answers 5xx',
          runbook_url: 'https://runbooks.example.com/checkout',
        },
        generatorURL: 'http://prometheus.example.com/graph?g0.expr=up',
      },
      {
        labels: {
          alertname: 'CheckoutSlow',
          service: 'checkout',
          severity: 'warning',
        },
      },
      {
        labels: {
          alertname: 'LedgerLag',
          service: 'ledger',
          severity: 'warning',
        },
      },
    ]);
    await postSilence(
      alertmanager.baseUrl,
      [{ name: 'alertname', value: 'CheckoutSlow' }],
      'known, fix deploying',
    );
    // Twenty one-second scrapes: the instant queries (at times aligned to
    // 5 s) see several samples, and the 15 s steps of a range hold one.
    while (exporter.scrapes < 20) {
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  });

  afterAll(async () => {
    await Promise.all([
      prometheus?.stop(),
      alertmanager?.stop(),
      grafana?.close(),
      exporter?.close(),
    ]);
  });

  async function start(health: object = {}, options: { deny?: string[] } = {}) {
    const backend = await startTestBackend({
      features: [
        healthPlugin,
        mockServices.rootConfig.factory({
          data: {
            health: {
              cacheTtl: '30s',
              queryTimeout: '2s',
              prometheus: {
                instances: [{ name: 'main', baseUrl: prometheus.baseUrl }],
              },
              alertmanager: {
                instances: [
                  {
                    name: 'main',
                    baseUrl: alertmanager.baseUrl,
                    publicUrl: 'https://alertmanager.example.com',
                  },
                ],
              },
              grafana: {
                instances: [
                  {
                    name: 'main',
                    baseUrl: grafana.baseUrl,
                    publicUrl: 'https://grafana.example.com',
                    token: GRAFANA_TOKEN,
                  },
                ],
              },
              ...health,
            },
          },
        }),
        catalogServiceMock.factory({ entities: ENTITIES }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () =>
            mockServices.permissions.mock({
              authorize: async requests =>
                requests.map(r => ({
                  result: options.deny?.includes((r as any).resourceRef)
                    ? AuthorizeResult.DENY
                    : AuthorizeResult.ALLOW,
                })),
            }),
        }),
      ],
    });
    const get = (path: string, query: Record<string, string> = {}) =>
      request(backend.server)
        .get(`/api/health${path}`)
        .query(query)
        .set('Authorization', mockCredentials.user.header('user:default/ana'));
    return { backend, get };
  }

  const ref = (name: string) => ({ entityRef: `component:default/${name}` });

  it('reads the golden signals the exporter served', async () => {
    // rate() divides by its whole window: over the few seconds of data a
    // test has, the window must be that short too.
    const { get } = await start({
      prometheus: {
        rateWindow: '5s',
        instances: [{ name: 'main', baseUrl: prometheus.baseUrl }],
      },
    });
    const response = await get('/signals', {
      ...ref('checkout'),
      range: '15m',
    });
    expect(response.status).toBe(200);
    expect(response.body.source).toEqual({
      source: 'prometheus',
      instance: 'main',
      state: 'ok',
      message: null,
    });
    expect(response.body.selector).toBe('service="checkout"');
    expect(response.body.range.stepSeconds).toBe(15);
    const current = Object.fromEntries(
      response.body.signals.map((s: any) => [s.signal, s.current]),
    );
    expect(current['error-ratio']).toBeCloseTo(0.015, 9);
    expect(current['latency-p50']).toBeCloseTo(0.05 * (100 / 150), 9);
    expect(current['latency-p90']).toBeCloseTo(0.1, 9);
    expect(current['latency-p99']).toBeCloseTo(0.25 + 0.25 * (2 / 3), 9);
    // Rates depend on the real scrape timing: 200 requests and 0.5 CPU
    // seconds per scrape of about a second.
    expect(current['request-rate']).toBeGreaterThan(150);
    expect(current['request-rate']).toBeLessThan(250);
    expect(current.saturation).toBeGreaterThan(0.35);
    expect(current.saturation).toBeLessThan(0.65);
    const errorRatio = response.body.signals.find(
      (s: any) => s.signal === 'error-ratio',
    );
    expect(errorRatio.unit).toBe('ratio');
    expect(errorRatio.points.length).toBeGreaterThan(0);
    for (const [, value] of errorRatio.points) {
      expect(value).toBeCloseTo(0.015, 9);
    }
  });

  it('computes SLO attainment, error budget and burn rates by hand', async () => {
    const { get } = await start();
    const checkout = await get('/slos', ref('checkout'));
    expect(checkout.status).toBe(200);
    const [availability, latency] = checkout.body.slos;
    // 99%: a budget of 1%; 1.5% bad spends 150% of it.
    expect(availability).toMatchObject({
      kind: 'availability',
      title: '99% of requests succeed',
      objective: 0.99,
      windowDays: 28,
      status: 'breached',
      reason: 'the error budget is spent (-50% left)',
    });
    expect(availability.attainment).toBeCloseTo(0.985, 9);
    expect(availability.errorBudget.total).toBeCloseTo(0.01, 9);
    expect(availability.errorBudget.consumed).toBeCloseTo(1.5, 9);
    expect(availability.errorBudget.remaining).toBeCloseTo(-0.5, 9);
    // Every window saw the same traffic: a 1.5× burn everywhere, which
    // fires only the 3-day ticket (threshold 1).
    expect(
      availability.burnRates.map((b: any) => [
        b.longWindow,
        Number(b.longRate.toFixed(9)),
        b.firing,
      ]),
    ).toEqual([
      ['1h', 1.5, false],
      ['6h', 1.5, false],
      ['1d', 1.5, false],
      ['3d', 1.5, true],
    ]);
    // 2% slower than 250 ms against a 1% budget: 200% spent.
    expect(latency.title).toBe('99% of requests faster than 250 ms');
    expect(latency.thresholdSeconds).toBe(0.25);
    expect(latency.attainment).toBeCloseTo(0.98, 9);
    expect(latency.errorBudget.remaining).toBeCloseTo(-1, 9);
    expect(checkout.body.errorBudgetRemaining).toBeCloseTo(-1, 9);
    expect(checkout.body.status).toBe('breached');

    const ledger = await get('/slos', ref('ledger'));
    // 0.1% bad against 0.5%: 20% spent; 0.5% slow against 1%: 50% spent.
    expect(ledger.body.slos.map((s: any) => s.status)).toEqual(['ok', 'ok']);
    expect(ledger.body.slos[0].windowDays).toBe(7);
    expect(ledger.body.slos[0].errorBudget.remaining).toBeCloseTo(0.8, 9);
    expect(ledger.body.slos[1].errorBudget.remaining).toBeCloseTo(0.5, 9);
    expect(ledger.body.errorBudgetRemaining).toBeCloseTo(0.5, 9);
    expect(ledger.body.status).toBe('ok');

    const odd = await get('/slos', ref('ledger-odd'));
    expect(odd.body.slos[0]).toMatchObject({
      status: 'unknown',
      reason:
        '0.3s is not a bucket boundary of http_server_requests_seconds (buckets: 0.05, 0.1, 0.25, 0.5, 1)',
    });
    expect(odd.body.errorBudgetRemaining).toBeNull();
  });

  it("evaluates an entity's SLOs once per cacheTtl", async () => {
    // Instant queries ask at a time aligned to 5 s: past the next boundary
    // a cache of the queries alone would miss and ask Prometheus again.
    const queriesServed = async () => {
      const text = await (await fetch(`${prometheus.baseUrl}/metrics`)).text();
      return text
        .split('\n')
        .filter(line =>
          line.startsWith(
            'prometheus_http_requests_total{code="200",handler="/api/v1/query"}',
          ),
        )
        .reduce((n, line) => n + Number(line.split(' ').pop()), 0);
    };
    const nextAlignment = () =>
      new Promise(resolve => setTimeout(resolve, 5_050 - (Date.now() % 5_000)));

    const cached = await start();
    const first = await cached.get('/slos', ref('ledger'));
    expect(first.body.source.state).toBe('ok');
    const asked = await queriesServed();
    await nextAlignment();
    const again = await cached.get('/slos', ref('ledger'));
    expect(again.body).toEqual(first.body);
    expect(await queriesServed()).toBe(asked);

    const uncached = await start({ cacheTtl: '0s' });
    await uncached.get('/slos', ref('ledger'));
    const before = await queriesServed();
    await uncached.get('/slos', ref('ledger'));
    // The bucket boundaries, then one request per SLO for all its windows.
    expect((await queriesServed()) - before).toBe(3);
  });

  it('gives a deploy gate the smallest budget left, or null when unknown', async () => {
    const { backend } = await start();
    const asService = (name: string) =>
      request(backend.server)
        .get('/api/health/error-budget')
        .query(ref(name))
        .set('Authorization', mockCredentials.service.header());
    const ledger = await asService('ledger');
    expect(ledger.status).toBe(200);
    expect(ledger.body).toMatchObject({
      entityRef: 'component:default/ledger',
      sloDeclared: true,
      status: 'ok',
    });
    expect(ledger.body.errorBudgetRemaining).toBeCloseTo(0.5, 9);
    expect((await asService('checkout')).body.errorBudgetRemaining).toBeCloseTo(
      -1,
      9,
    );
    expect((await asService('ledger-odd')).body).toMatchObject({
      errorBudgetRemaining: null,
      status: 'unknown',
    });
    expect((await asService('quiet')).body).toMatchObject({
      sloDeclared: false,
      errorBudgetRemaining: null,
      status: 'none',
    });
  });

  it('lists the alerts Alertmanager holds for the service, silenced ones marked', async () => {
    const { get } = await start();
    const response = await get('/alerts', ref('checkout'));
    expect(response.status).toBe(200);
    expect(response.body.selector).toBe('service="checkout"');
    expect(
      response.body.alerts.map((a: any) => [a.name, a.severity, a.state]),
    ).toEqual([
      ['CheckoutErrors', 'critical', 'active'],
      ['CheckoutSlow', 'warning', 'suppressed'],
    ]);
    const [errors, slow] = response.body.alerts;
    expect(errors).toMatchObject({
      summary: 'Checkout answers 5xx',
      runbookUrl: 'https://runbooks.example.com/checkout',
      generatorUrl: 'http://prometheus.example.com/graph?g0.expr=up',
    });
    expect(errors.url).toMatch(
      /^https:\/\/alertmanager\.example\.com\/#\/alerts\?filter=/,
    );
    expect(slow.silencedBy).toHaveLength(1);
    expect(response.body.silences).toEqual([
      expect.objectContaining({
        id: slow.silencedBy[0],
        state: 'active',
        comment: 'known, fix deploying',
        matchers: ['alertname="CheckoutSlow"'],
        url: `https://alertmanager.example.com/#/silences/${slow.silencedBy[0]}`,
      }),
    ]);
  });

  it('lists the Grafana dashboards, panels and alert rules of the service, cached', async () => {
    const { get } = await start();
    const before = grafana.requests.length;
    const response = await get('/dashboards', ref('checkout'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      dashboards: [
        {
          uid: 'co-main',
          title: 'Checkout overview',
          url: 'https://grafana.example.com/d/co-main/checkout-overview',
          folder: 'Payments',
        },
      ],
      panels: [
        {
          dashboardUid: 'co-main',
          panelId: 2,
          title: 'Error budget',
          url: 'https://grafana.example.com/d/co-main/checkout-overview?viewPanel=2',
          embedUrl:
            'https://grafana.example.com/d-solo/co-main/checkout-overview?panelId=2&orgId=1',
        },
      ],
      alertRules: [
        {
          uid: 'r1',
          title: 'Checkout 5xx',
          url: 'https://grafana.example.com/alerting/grafana/r1/view',
        },
      ],
      source: { state: 'ok' },
      errors: [],
    });
    const used = grafana.requests.length - before;
    expect(used).toBe(3);
    await get('/dashboards', ref('checkout'));
    expect(grafana.requests.length - before).toBe(used);
  });

  it('sums up one status per entity, and per owner or system worst first', async () => {
    const { get } = await start();
    const checkout = await get('/summary', ref('checkout'));
    expect(checkout.body).toMatchObject({
      status: 'breached',
      sloStatus: 'breached',
      firingAlerts: 1,
      criticalAlerts: 1,
    });
    expect(checkout.body.reasons).toEqual([
      '99% of requests succeed: the error budget is spent (-50% left)',
      '99% of requests faster than 250 ms: the error budget is spent (-100% left)',
      '1 alert firing, 1 critical',
    ]);
    const ledger = await get('/summary', ref('ledger'));
    expect(ledger.body).toMatchObject({
      status: 'warning',
      firingAlerts: 1,
      criticalAlerts: 0,
      reasons: ['1 alert firing'],
    });
    const team = await get('/summaries', {
      owner: 'group:default/payments-team',
    });
    expect(team.status).toBe(200);
    expect(team.body.truncated).toBe(false);
    expect(team.body.items.map((i: any) => [i.entityRef, i.status])).toEqual(
      [
        ['component:default/checkout', 'breached'],
        ['component:default/bad-query', 'ok'],
        ['component:default/broken', 'unknown'],
        ['component:default/ledger-odd', 'unknown'],
        ['component:default/ledger', 'warning'],
        ['component:default/quiet', 'ok'],
      ].sort((a, b) => {
        const rank: Record<string, number> = {
          breached: 0,
          unknown: 1,
          warning: 2,
          ok: 3,
        };
        return rank[a[1]] - rank[b[1]] || a[0].localeCompare(b[0]);
      }),
    );
    const system = await get('/summaries', {
      system: 'system:default/payments',
    });
    expect(system.body.items).toHaveLength(6);
    expect((await get('/summaries')).status).toBe(400);
    expect(
      (
        await get('/summaries', {
          owner: 'group:default/a',
          system: 'payments',
        })
      ).status,
    ).toBe(400);
  });

  it('shows malformed declarations on the entity instead of failing', async () => {
    const { get } = await start();
    const slos = await get('/slos', ref('broken'));
    expect(slos.status).toBe(200);
    expect(slos.body.errors).toEqual([
      'finops.io/slo-availability "100" is not a percentage below 100, e.g. 99.9',
      'finops.io/prometheus-selector "up == 0" is not a list of PromQL label matchers such as service="broken"',
    ]);
    expect(slos.body.status).toBe('unknown');
    const summary = await get('/summary', ref('broken'));
    expect(summary.body.status).toBe('unknown');
    expect(
      summary.body.reasons.filter((r: string) =>
        r.startsWith('finops.io/prometheus-selector'),
      ),
    ).toHaveLength(1);
    const signals = await get('/signals', ref('broken'));
    expect(signals.status).toBe(200);
    expect(signals.body.signals).toEqual([]);
    expect(signals.body.errors).toHaveLength(1);
    // A query Prometheus refuses: the source says why, nothing else breaks.
    const badQuery = await get('/signals', ref('bad-query'));
    expect(badQuery.status).toBe(200);
    expect(badQuery.body.source.state).toBe('error');
    expect(badQuery.body.source.message).toMatch(
      /^Prometheus "main" answered 400: .*parse error/,
    );
  });

  it('degrades each source on its own: down, slow, refusing', async () => {
    const { get } = await start({
      queryTimeout: '500ms',
      prometheus: {
        instances: [
          { name: 'main', baseUrl: `http://127.0.0.1:${closedPort}` },
        ],
      },
      grafana: {
        instances: [{ name: 'main', baseUrl: grafana.baseUrl, token: 'wrong' }],
      },
    });
    const summary = await get('/summary', ref('checkout'));
    expect(summary.status).toBe(200);
    expect(summary.body.status).toBe('breached');
    expect(summary.body.firingAlerts).toBe(1);
    expect(summary.body.sources[0]).toMatchObject({
      source: 'prometheus',
      state: 'unreachable',
      message: expect.stringMatching(
        /^Prometheus "main" could not be reached \(ECONNREFUSED\)/,
      ),
    });
    expect(summary.body.errorBudgetRemaining).toBeNull();
    const budget = await get('/error-budget', ref('checkout'));
    expect(budget.body).toMatchObject({
      errorBudgetRemaining: null,
      status: 'unknown',
    });
    expect(budget.body.reason).toMatch(/could not be reached/);

    const refused = await get('/dashboards', ref('checkout'));
    expect(refused.body.source).toMatchObject({
      state: 'error',
      message:
        'Grafana "main" answered 401: the Grafana token was refused: check the instance token (a Viewer service account token)',
    });

    grafana.stall = true;
    try {
      const slow = await start({
        queryTimeout: '300ms',
        grafana: {
          instances: [
            { name: 'main', baseUrl: grafana.baseUrl, token: GRAFANA_TOKEN },
          ],
        },
      });
      const stalled = await slow.get('/dashboards', ref('checkout'));
      expect(stalled.body.source).toMatchObject({
        state: 'unreachable',
        message: 'Grafana "main" did not answer within 300 ms',
      });
      const alerts = await slow.get('/alerts', ref('checkout'));
      expect(alerts.body.alerts).toHaveLength(2);
    } finally {
      grafana.stall = false;
    }

    grafana.failWith = 500;
    try {
      const failing = await start({ cacheTtl: '0s' });
      const errored = await failing.get('/dashboards', ref('checkout'));
      expect(errored.body.source).toMatchObject({
        state: 'error',
        message: 'Grafana "main" answered 500: Internal Server Error',
      });
    } finally {
      grafana.failWith = undefined;
    }
  });

  it('says what to configure when a source is not', async () => {
    const backend = await startTestBackend({
      features: [
        healthPlugin,
        mockServices.rootConfig.factory({ data: {} }),
        catalogServiceMock.factory({ entities: ENTITIES }),
      ],
    });
    const get = (path: string) =>
      request(backend.server)
        .get(`/api/health${path}`)
        .query(ref('checkout'))
        .set('Authorization', mockCredentials.user.header());
    expect((await get('/alerts')).body.source).toEqual({
      source: 'alertmanager',
      instance: null,
      state: 'not-configured',
      message:
        'Alertmanager is not configured: add health.alertmanager.instances to the app-config',
    });
    expect((await get('/slos')).body.slos[0]).toMatchObject({
      status: 'unknown',
      reason:
        'Prometheus is not configured: add health.prometheus.instances to the app-config',
    });
    const status = await request(backend.server)
      .get('/api/health/status')
      .set('Authorization', mockCredentials.user.header());
    expect(status.body).toEqual({
      instances: [],
      unconfigured: ['prometheus', 'alertmanager', 'grafana'],
    });
  });

  it('probes every instance for the status', async () => {
    const { backend } = await start();
    const status = await request(backend.server)
      .get('/api/health/status')
      .set('Authorization', mockCredentials.service.header());
    expect(status.status).toBe(200);
    expect(status.body.unconfigured).toEqual([]);
    expect(
      status.body.instances.map((i: any) => [
        i.source,
        i.state,
        typeof i.latencyMs,
      ]),
    ).toEqual([
      ['prometheus', 'ok', 'number'],
      ['alertmanager', 'ok', 'number'],
      ['grafana', 'ok', 'number'],
    ]);
    expect(status.body.instances[0].version).toMatch(/^2\./);
    expect(JSON.stringify(status.body)).not.toContain(GRAFANA_TOKEN);
  });

  it('refuses bad input, strangers, unknown entities and the unauthenticated', async () => {
    const { backend, get } = await start(
      {},
      { deny: ['component:default/ledger'] },
    );
    const bad = await get('/slos', { entityRef: 'component:' });
    expect(bad.status).toBe(400);
    expect(
      (await get('/signals', { ...ref('checkout'), range: '2y' })).status,
    ).toBe(400);
    expect((await get('/slos')).status).toBe(400);
    const missing = await get('/slos', ref('nope'));
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'No entity component:default/nope in the catalog',
    );
    const denied = await get('/alerts', ref('ledger'));
    expect(denied.status).toBe(403);
    const anonymous = await request(backend.server)
      .get('/api/health/summary')
      .query(ref('checkout'))
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const team = await get('/summaries', {
      owner: 'group:default/payments-team',
    });
    expect(team.body.items.map((i: any) => i.entityRef)).not.toContain(
      'component:default/ledger',
    );
  });
});
