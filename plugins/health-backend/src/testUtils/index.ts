/**
 * Test utilities of the health backend, also used by the end-to-end
 * tests: real Prometheus and Alertmanager processes, an exporter of known
 * metrics, and a server following Grafana's HTTP API.
 */
export * from './processes';
export * from './MetricsExporter';
export * from './GrafanaApiServer';
