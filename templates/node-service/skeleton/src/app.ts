import { STATUS_CODES } from 'node:http';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
} from 'fastify';
import { registerHelloRoutes } from './hello.ts';
import { createMetrics } from './metrics.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Probes and metrics: neither measured nor logged per request. */
    operational?: boolean;
  }
}

export interface App {
  app: FastifyInstance;
  /** Makes /readyz answer 503, so that load balancers stop sending traffic. */
  markShuttingDown: () => void;
}

/**
 * The HTTP app without a listening socket: server.ts listens, tests inject.
 *
 * Operational routes (probes, metrics) stay out of the request histogram
 * and the request log: kubelet and Prometheus call them every few seconds,
 * and counting them would inflate availability and hide slow requests in
 * the SLOs.
 */
export function buildApp(options: { serviceName: string; logger: FastifyBaseLogger }): App {
  const app = Fastify({
    loggerInstance: options.logger,
    // One line per request, written by the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
  });
  const { registry, requestDuration } = createMetrics(options.serviceName);
  let shuttingDown = false;

  app.addHook('onResponse', async (request, reply) => {
    if (request.routeOptions.config.operational) return;
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const durationSeconds = reply.elapsedTime / 1000;
    requestDuration.observe(
      { method: request.method, route, status: String(status) },
      durationSeconds,
    );
    request.log.info(
      { method: request.method, route, status, durationMs: reply.elapsedTime },
      'request completed',
    );
  });

  // Errors as RFC 9457 problem details; details of server errors stay in
  // the log.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply
      .status(status)
      .type('application/problem+json')
      .send(problem(status, status < 500 ? error.message : undefined));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .type('application/problem+json')
      .send(problem(404, `${request.method} ${request.url.split('?')[0] ?? ''} does not exist`)),
  );

  const operational = { config: { operational: true } };
  app.get('/healthz', operational, () => ({ status: 'ok' }));
  app.get('/readyz', operational, (_request, reply) =>
    shuttingDown
      ? reply.status(503).send({ status: 'shutting down' })
      : reply.send({ status: 'ready' }),
  );
  app.get('/metrics', operational, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );

  registerHelloRoutes(app);

  return {
    app,
    markShuttingDown: () => {
      shuttingDown = true;
    },
  };
}

function problem(status: number, detail?: string) {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail };
}
