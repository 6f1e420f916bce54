import { Entity } from '@backstage/catalog-model';
import { GoldenSignal } from './schema/openapi';

/**
 * PromQL label matchers that select the service's series, e.g.
 * `service="payments-gateway"` or `{namespace="payments",app="gateway"}`;
 * also the Alertmanager filter unless `finops.io/alertmanager-selector`
 * says otherwise. Default: `service="<entity name>"`.
 */
export const ANNOTATION_PROMETHEUS_SELECTOR = 'finops.io/prometheus-selector';
/** Explicit PromQL per golden signal: `finops.io/prometheus-query-<signal>`. */
export const ANNOTATION_PROMETHEUS_QUERY_PREFIX = 'finops.io/prometheus-query-';
/** The configured Prometheus instance (`health.prometheus.instances[].name`). */
export const ANNOTATION_PROMETHEUS_INSTANCE = 'finops.io/prometheus-instance';
/** Alertmanager matchers, when they differ from the Prometheus selector. */
export const ANNOTATION_ALERTMANAGER_SELECTOR =
  'finops.io/alertmanager-selector';
/** The configured Alertmanager instance. */
export const ANNOTATION_ALERTMANAGER_INSTANCE =
  'finops.io/alertmanager-instance';
/**
 * The community Grafana plugin's dashboard selector: a tag, or
 * `tags @> 'service:payments-gateway'`.
 */
export const ANNOTATION_GRAFANA_DASHBOARD_SELECTOR =
  'grafana/dashboard-selector';
/** The community Grafana plugin's alert rule selector: `label=value`. */
export const ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR =
  'grafana/alert-label-selector';
/** Panels to embed, `<dashboard uid>/<panel id>` separated by commas. */
export const ANNOTATION_GRAFANA_PANELS = 'finops.io/grafana-panels';
/** The configured Grafana instance. */
export const ANNOTATION_GRAFANA_INSTANCE = 'finops.io/grafana-instance';
/** Availability objective in percent, e.g. `99.9`. */
export const ANNOTATION_SLO_AVAILABILITY = 'finops.io/slo-availability';
/** Latency objective: `99% < 250ms` (share of requests faster than). */
export const ANNOTATION_SLO_LATENCY = 'finops.io/slo-latency';
/** SLO window, `1d` to `90d`; 28 days by default. */
export const ANNOTATION_SLO_WINDOW = 'finops.io/slo-window';

/** The golden signals, as the health backend and its API name them. */
export const GOLDEN_SIGNALS: ReadonlyArray<GoldenSignal> = [
  'request-rate',
  'error-ratio',
  'latency-p50',
  'latency-p90',
  'latency-p99',
  'saturation',
];

/**
 * The metrics the golden-path templates emit: a request histogram with
 * `service`, `method`, `route` and `status` labels (status is the HTTP
 * code), and the client libraries' process metrics.
 */
export const TEMPLATE_METRICS = {
  requestsHistogram: 'http_server_requests_seconds',
  statusLabel: 'status',
  cpuSeconds: 'process_cpu_seconds_total',
} as const;

export const DEFAULT_SLO_WINDOW_DAYS = 28;

/** An SLO the entity declares. */
export type SloDeclaration =
  | { kind: 'availability'; objective: number; windowDays: number }
  | {
      kind: 'latency';
      objective: number;
      thresholdSeconds: number;
      windowDays: number;
    };

/** The entity's SLOs, and what is wrong with the declarations that are. */
export interface SloDeclarations {
  slos: SloDeclaration[];
  errors: string[];
}

const MATCHER =
  /\s*[A-Za-z_][A-Za-z0-9_]*\s*(?:=~|!~|!=|=)\s*"(?:[^"\\]|\\.)*"\s*/;
const MATCHERS = new RegExp(
  `^\\{?(?:${MATCHER.source})(?:,(?:${MATCHER.source}))*,?\\s*\\}?$`,
);

/** Whether a string is a list of PromQL label matchers (with or without braces). */
export function isLabelSelector(selector: string): boolean {
  return MATCHERS.test(selector.trim());
}

/** Label matchers without the braces, so callers can add their own. */
export function normaliseSelector(selector: string): string {
  return selector
    .trim()
    .replace(/^\{|\}$/g, '')
    .trim()
    .replace(/,$/, '');
}

/**
 * The entity's series selector: the annotation, or `service="<name>"`.
 * Throws a TypeError naming the annotation when it is not label matchers.
 */
export function entityPrometheusSelector(entity: Entity): string {
  const declared =
    entity.metadata.annotations?.[ANNOTATION_PROMETHEUS_SELECTOR]?.trim();
  if (!declared) return `service="${entity.metadata.name}"`;
  if (!isLabelSelector(declared)) {
    throw new TypeError(
      `${ANNOTATION_PROMETHEUS_SELECTOR} "${declared}" is not a list of PromQL label matchers such as service="${entity.metadata.name}"`,
    );
  }
  return normaliseSelector(declared);
}

/** The entity's Alertmanager matchers: its own annotation, else the series selector. */
export function entityAlertSelector(entity: Entity): string {
  const declared =
    entity.metadata.annotations?.[ANNOTATION_ALERTMANAGER_SELECTOR]?.trim();
  if (!declared) return entityPrometheusSelector(entity);
  if (!isLabelSelector(declared)) {
    throw new TypeError(
      `${ANNOTATION_ALERTMANAGER_SELECTOR} "${declared}" is not a list of label matchers such as service="${entity.metadata.name}"`,
    );
  }
  return normaliseSelector(declared);
}

/** Whether the entity declares any SLO (well-formed or not). */
export function declaresSlos(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    ANNOTATION_SLO_AVAILABILITY in annotations ||
    ANNOTATION_SLO_LATENCY in annotations
  );
}

const PERCENT = /^\s*(\d{1,2}(?:\.\d{1,4})?)\s*%?\s*$/;
const LATENCY =
  /^\s*(\d{1,2}(?:\.\d{1,4})?)\s*%?\s*<\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$/;
const WINDOW = /^\s*(\d{1,2})\s*d\s*$/;

function objectiveOf(percent: string): number | undefined {
  const value = Number(percent);
  return value > 0 && value < 100 ? value / 100 : undefined;
}

/**
 * The SLOs of the entity's annotations. Each malformed declaration gives
 * an error that names the annotation and what a valid one looks like, and
 * is left out; the others still count.
 */
export function entitySloDeclarations(entity: Entity): SloDeclarations {
  const annotations = entity.metadata.annotations ?? {};
  const errors: string[] = [];
  let windowDays = DEFAULT_SLO_WINDOW_DAYS;
  const window = annotations[ANNOTATION_SLO_WINDOW];
  if (window !== undefined) {
    const days = Number(WINDOW.exec(window)?.[1]);
    if (days >= 1 && days <= 90) {
      windowDays = days;
    } else {
      errors.push(
        `${ANNOTATION_SLO_WINDOW} "${window}" is not a number of days from 1d to 90d, e.g. 28d; using ${DEFAULT_SLO_WINDOW_DAYS}d`,
      );
    }
  }
  const slos: SloDeclaration[] = [];
  const availability = annotations[ANNOTATION_SLO_AVAILABILITY];
  if (availability !== undefined) {
    const match = PERCENT.exec(availability);
    const objective = match ? objectiveOf(match[1]) : undefined;
    if (objective === undefined) {
      errors.push(
        `${ANNOTATION_SLO_AVAILABILITY} "${availability}" is not a percentage below 100, e.g. 99.9`,
      );
    } else {
      slos.push({ kind: 'availability', objective, windowDays });
    }
  }
  const latency = annotations[ANNOTATION_SLO_LATENCY];
  if (latency !== undefined) {
    const match = LATENCY.exec(latency);
    const objective = match ? objectiveOf(match[1]) : undefined;
    const threshold = match
      ? Number(match[2]) / (match[3] === 'ms' ? 1000 : 1)
      : NaN;
    if (objective === undefined || !(threshold > 0)) {
      errors.push(
        `${ANNOTATION_SLO_LATENCY} "${latency}" is not an objective such as "99% < 250ms" (a percentage below 100 of requests faster than a time)`,
      );
    } else {
      slos.push({
        kind: 'latency',
        objective,
        thresholdSeconds: threshold,
        windowDays,
      });
    }
  }
  return { slos, errors };
}
