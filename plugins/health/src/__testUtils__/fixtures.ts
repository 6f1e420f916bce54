import type { Entity } from '@backstage/catalog-model';
import type {
  Alert,
  BurnRate,
  EntityAlerts,
  EntityDashboards,
  EntityHealth,
  EntitySignals,
  EntitySlos,
  GoldenSignal,
  SignalSeries,
  Silence,
  Slo,
  SourceState,
  SourceStateSourceEnum,
} from '@finops/plugin-health-common';

export const cardPaymentsRef = 'component:default/card-payments';
export const SELECTOR = 'service="card-payments"';
export const GRAFANA = 'https://grafana.example.com';
export const ALERTMANAGER = 'https://alertmanager.example.com';

export const cardPaymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'card-payments',
    namespace: 'default',
    annotations: { 'finops.io/slo-availability': '99.9' },
  },
  spec: {
    type: 'service',
    owner: 'group:default/payments',
    lifecycle: 'production',
  },
};

export function sourceOk(source: SourceStateSourceEnum): SourceState {
  return { source, instance: 'main', state: 'ok', message: null };
}

/** The end of every fixture range: 4 June 2026, 12:00 UTC. */
export const NOW_SECONDS = Date.parse('2026-06-04T12:00:00Z') / 1000;

const UNITS: Record<GoldenSignal, SignalSeries['unit']> = {
  'request-rate': 'requests-per-second',
  'error-ratio': 'ratio',
  'latency-p50': 'seconds',
  'latency-p90': 'seconds',
  'latency-p99': 'seconds',
  saturation: 'cores',
};

/** A series of three points a minute apart, ending at `current`. */
export function signalSeries(
  signal: GoldenSignal,
  current: number | null,
): SignalSeries {
  const points =
    current === null
      ? []
      : [
          [NOW_SECONDS - 120, current * 0.9],
          [NOW_SECONDS - 60, current * 1.1],
          [NOW_SECONDS, current],
        ];
  return {
    signal,
    unit: UNITS[signal],
    query: `finops:${signal.replace('-', '_')}{${SELECTOR}}`,
    current,
    points,
  };
}

export function entitySignals(
  overrides: Partial<EntitySignals> = {},
): EntitySignals {
  return {
    entityRef: cardPaymentsRef,
    selector: SELECTOR,
    range: { start: NOW_SECONDS - 3600, end: NOW_SECONDS, stepSeconds: 60 },
    signals: [
      signalSeries('request-rate', 12.44),
      signalSeries('error-ratio', 0.0052),
      signalSeries('latency-p50', 0.023),
      signalSeries('latency-p90', 0.095),
      signalSeries('latency-p99', 0.184),
      signalSeries('saturation', 0.347),
    ],
    source: sourceOk('prometheus'),
    errors: [],
    ...overrides,
  };
}

export function burnRate(overrides: Partial<BurnRate> = {}): BurnRate {
  return {
    longWindow: '1h',
    shortWindow: '5m',
    threshold: 14.4,
    severity: 'page',
    longRate: 2.1,
    shortRate: 1.8,
    firing: false,
    ...overrides,
  };
}

export function slo(overrides: Partial<Slo> = {}): Slo {
  return {
    kind: 'availability',
    title: '99.9% of requests succeed',
    objective: 0.999,
    windowDays: 28,
    thresholdSeconds: null,
    attainment: 0.99953,
    errorBudget: { total: 0.001, consumed: 0.47, remaining: 0.53 },
    burnRates: [
      burnRate(),
      burnRate({
        longWindow: '6h',
        shortWindow: '30m',
        threshold: 6,
        longRate: 1.2,
        shortRate: 0.9,
      }),
      burnRate({
        longWindow: '3d',
        shortWindow: '6h',
        threshold: 1,
        severity: 'ticket',
        longRate: 0.8,
        shortRate: 1.1,
      }),
    ],
    status: 'ok',
    reason: '53% of the error budget is left and no burn-rate alert fires',
    queries: {
      good: `sum(rate(http_server_requests_seconds_count{${SELECTOR},status!~"5.."}[28d]))`,
      total: `sum(rate(http_server_requests_seconds_count{${SELECTOR}}[28d]))`,
    },
    ...overrides,
  };
}

export function entitySlos(overrides: Partial<EntitySlos> = {}): EntitySlos {
  return {
    entityRef: cardPaymentsRef,
    slos: [slo()],
    errorBudgetRemaining: 0.53,
    status: 'ok',
    source: sourceOk('prometheus'),
    errors: [],
    ...overrides,
  };
}

export function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    fingerprint: 'a1b2c3',
    name: 'HighErrorRate',
    severity: 'critical',
    state: 'active',
    silencedBy: [],
    inhibitedBy: [],
    startsAt: new Date(Date.now() - 12 * 60 * 1000).toISOString(),
    summary: 'More than 5% of card-payments requests fail',
    description: null,
    runbookUrl: 'https://runbooks.example.com/high-error-rate',
    generatorUrl: 'https://prometheus.example.com/graph?g0.expr=errors',
    url: `${ALERTMANAGER}/#/alerts?filter=%7Balertname%3D%22HighErrorRate%22%7D`,
    labels: { alertname: 'HighErrorRate', service: 'card-payments' },
    ...overrides,
  };
}

export function silence(overrides: Partial<Silence> = {}): Silence {
  return {
    id: 'silence-1',
    state: 'active',
    createdBy: 'alice',
    comment: 'Disk migration until noon',
    startsAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
    endsAt: new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString(),
    matchers: ['service="card-payments"', 'alertname="DiskFilling"'],
    url: `${ALERTMANAGER}/#/silences/silence-1`,
    ...overrides,
  };
}

export function entityAlerts(
  overrides: Partial<EntityAlerts> = {},
): EntityAlerts {
  return {
    entityRef: cardPaymentsRef,
    selector: SELECTOR,
    alerts: [
      alert(),
      alert({
        fingerprint: 'd4e5f6',
        name: 'DiskFilling',
        severity: 'warning',
        state: 'suppressed',
        silencedBy: ['silence-1'],
        summary: 'Disk of card-payments-0 is 85% full',
        runbookUrl: null,
      }),
    ],
    silences: [silence()],
    source: sourceOk('alertmanager'),
    errors: [],
    ...overrides,
  };
}

export function entityDashboards(
  overrides: Partial<EntityDashboards> = {},
): EntityDashboards {
  return {
    entityRef: cardPaymentsRef,
    dashboards: [
      {
        uid: 'cp-overview',
        title: 'Card payments overview',
        url: `${GRAFANA}/d/cp-overview/card-payments-overview`,
        folder: 'Payments',
        tags: ['service:card-payments', 'payments'],
      },
    ],
    panels: [
      {
        dashboardUid: 'cp-overview',
        panelId: 4,
        title: 'Checkout latency',
        url: `${GRAFANA}/d/cp-overview/card-payments-overview?viewPanel=4`,
        embedUrl: `${GRAFANA}/d-solo/cp-overview/card-payments-overview?panelId=4`,
      },
    ],
    alertRules: [
      {
        uid: 'rule-1',
        title: 'Card payments 5xx',
        folderUid: 'payments',
        labels: { service: 'card-payments', severity: 'critical' },
        url: `${GRAFANA}/alerting/grafana/rule-1/view`,
      },
    ],
    source: sourceOk('grafana'),
    errors: [],
    ...overrides,
  };
}

export function entityHealth(
  overrides: Partial<EntityHealth> = {},
): EntityHealth {
  return {
    entityRef: cardPaymentsRef,
    title: 'Card payments',
    owner: 'group:default/payments',
    system: 'system:default/ledger',
    status: 'ok',
    reasons: ['53% of the error budget is left', 'No alert is firing'],
    errorBudgetRemaining: 0.53,
    sloStatus: 'ok',
    firingAlerts: 0,
    criticalAlerts: 0,
    sources: [
      sourceOk('prometheus'),
      sourceOk('alertmanager'),
      sourceOk('grafana'),
    ],
    ...overrides,
  };
}
