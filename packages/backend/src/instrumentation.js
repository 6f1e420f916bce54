/*
 * OpenTelemetry for the backend, the way Backstage documents it
 * (docs/tutorials/setup-opentelemetry): loaded with `node --require` before
 * any other module, so that the meters Backstage's plugins and ours take
 * from @opentelemetry/api (directly or through the alpha MetricsService)
 * report to this SDK. `yarn start` and the image's CMD load it; tests and
 * tools that start the backend without it get no-op meters.
 *
 * Metrics are served for Prometheus at http://<host>:<port>/metrics:
 *
 *   FINOPS_METRICS_PORT  the port, 9464 unless set; 0 turns metrics off (no
 *                        SDK, no port), for a second backend on one machine.
 *   FINOPS_METRICS_HOST  the address the exporter listens on, 0.0.0.0 (all)
 *                        unless set: Prometheus scrapes the pod's address.
 *
 * Traces and logs are off unless the standard OTEL_TRACES_EXPORTER and
 * OTEL_LOGS_EXPORTER variables ask for an exporter (the SDK's own default,
 * OTLP to localhost, would only log connection errors here).
 *
 * Plain CommonJS on purpose: it runs before the TypeScript transform and is
 * shipped as it is in the image (package.json `files`).
 */
const { isMainThread } = require('node:worker_threads');

const DEFAULT_PORT = 9464;

/** The exporter's port, or undefined when metrics are off. */
function metricsPort(env) {
  const value = env.FINOPS_METRICS_PORT;
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `FINOPS_METRICS_PORT must be a port number (0 turns metrics off), got '${value}'`,
    );
  }
  return port === 0 ? undefined : port;
}

/**
 * CPU time and resident memory of this process, as the OpenTelemetry
 * process semantic conventions name them: what the runtime instrumentation
 * (event loop, heap, GC) does not report.
 */
function observeProcess(meter) {
  const cpu = meter.createObservableCounter('process.cpu.time', {
    description: 'CPU time of the backend process, by mode',
    unit: 's',
  });
  cpu.addCallback(result => {
    const usage = process.cpuUsage();
    result.observe(usage.user / 1e6, { 'cpu.mode': 'user' });
    result.observe(usage.system / 1e6, { 'cpu.mode': 'system' });
  });
  const memory = meter.createObservableUpDownCounter('process.memory.usage', {
    description: 'Resident set size of the backend process',
    unit: 'By',
  });
  memory.addCallback(result => {
    result.observe(process.memoryUsage.rss());
  });
}

function start(env) {
  const port = metricsPort(env);
  if (port === undefined) return;
  env.OTEL_TRACES_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  env.OTEL_SERVICE_NAME ??= 'finops-platform-backend';

  const { metrics } = require('@opentelemetry/api');
  const { NodeSDK } = require('@opentelemetry/sdk-node');
  const { PrometheusExporter } = require('@opentelemetry/exporter-prometheus');
  const {
    RuntimeNodeInstrumentation,
  } = require('@opentelemetry/instrumentation-runtime-node');

  const host = env.FINOPS_METRICS_HOST || '0.0.0.0';
  const exporter = new PrometheusExporter({ host, port }, error => {
    if (error) {
      // The backend itself still serves; say why there are no metrics.
      process.stderr.write(
        `Metrics are not served: cannot listen on ${host}:${port} (${error.message}); set FINOPS_METRICS_PORT\n`,
      );
    }
  });
  const sdk = new NodeSDK({
    metricReaders: [exporter],
    instrumentations: [new RuntimeNodeInstrumentation()],
  });
  sdk.start();
  observeProcess(metrics.getMeter('finops-process'));
  process.once('beforeExit', () => sdk.shutdown());
}

// Worker threads load --require modules too; one SDK per process.
if (isMainThread) {
  start(process.env);
}
