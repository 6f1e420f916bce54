import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Request latency buckets in seconds. The platform's health page and SLO
 * queries read `http_server_requests_seconds` with exactly these buckets:
 * 0.25 is the latency objective's threshold (99% < 250ms), so it must stay
 * a boundary.
 */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface Metrics {
  registry: Registry;
  requestDuration: Histogram<'method' | 'route' | 'status'>;
}

/**
 * A registry of its own (not prom-client's global one), so that each app
 * instance, tests included, counts only its own requests. Every series,
 * process metrics included, carries `service`: the catalog's
 * `finops.io/prometheus-selector` selects on it.
 */
export function createMetrics(serviceName: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: serviceName });
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'http_server_requests_seconds',
    help: 'Duration of HTTP requests, by route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return { registry, requestDuration };
}
