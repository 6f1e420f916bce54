import { Meter, metrics } from '@opentelemetry/api';
import type { Request, RequestHandler } from 'express';

/** The meter scope of the request metrics (label otel_scope_name). */
export const HTTP_METER_NAME = 'finops-http';

/** Route label of a request no route answered (401 before routing, 404). */
export const UNMATCHED_ROUTE = '(unmatched)';
/** Route label once a plugin has more distinct routes than the cap. */
export const OVERFLOW_ROUTE = '(other)';
/** Plugin label of what is not under /api/<plugin> (health, the app). */
export const ROOT_PLUGIN = 'root';

/**
 * The busiest plugin (the catalog) has about 40 routes; a cap well above
 * that only bites when a router mounts on a path with parameters, whose
 * values would otherwise each become a series.
 */
const DEFAULT_MAX_ROUTES_PER_PLUGIN = 150;

/** The OpenTelemetry HTTP semantic conventions' advice, in seconds. */
const DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

const PLUGIN_MOUNT = /^\/api\/([^/]+)/i;

/** Route labels, at most `max` distinct ones per plugin. */
class RouteLabels {
  readonly #max: number;
  readonly #seen = new Map<string, Set<string>>();

  constructor(max: number) {
    this.#max = max;
  }

  label(plugin: string, template: string | undefined): string {
    if (template === undefined) return UNMATCHED_ROUTE;
    let known = this.#seen.get(plugin);
    if (!known) {
      known = new Set();
      this.#seen.set(plugin, known);
    }
    if (known.has(template)) return template;
    if (known.size >= this.#max) return OVERFLOW_ROUTE;
    known.add(template);
    return template;
  }
}

/**
 * Counts and times every HTTP request the backend answers, as the
 * histogram `http.server.request.duration` (seconds) labelled with the
 * plugin, the route template and the status:
 *
 *   plugin                     pipelines
 *   http.route                 /api/pipelines/entities/:ref/runs
 *   http.request.method        GET
 *   http.response.status_code  200
 *
 * The route is the template Express matched, never the URL: it learns it
 * by watching Express set `req.baseUrl` (entering a plugin's router) and
 * `req.route` (matching a route), at which moment the base URL is the
 * mount path of the router that holds the route. Installed first on the
 * root router, so that it sees everything, including what the
 * authentication of a plugin's router refuses before routing.
 */
export function httpRequestMetrics(
  options: { meter?: Meter; maxRoutesPerPlugin?: number } = {},
): RequestHandler {
  const meter = options.meter ?? metrics.getMeter(HTTP_METER_NAME);
  const duration = meter.createHistogram('http.server.request.duration', {
    description: 'Duration of HTTP requests the backend answered',
    unit: 's',
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  const routes = new RouteLabels(
    options.maxRoutesPerPlugin ?? DEFAULT_MAX_ROUTES_PER_PLUGIN,
  );

  return (req, res, next) => {
    const started = performance.now();
    const match = watchRouting(req);
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      const plugin = match.plugin ?? ROOT_PLUGIN;
      duration.record((performance.now() - started) / 1000, {
        plugin,
        'http.route': routes.label(plugin, match.template),
        'http.request.method': KNOWN_METHODS.has(req.method)
          ? req.method
          : '_OTHER',
        'http.response.status_code': res.statusCode,
      });
    };
    // 'close' alone when the client went away before the answer was sent.
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}

interface RoutingSeen {
  plugin?: string;
  template?: string;
}

function watchRouting(req: Request): RoutingSeen {
  const seen: RoutingSeen = {};
  let baseUrl = req.baseUrl;
  let route = req.route;
  Object.defineProperty(req, 'baseUrl', {
    configurable: true,
    enumerable: true,
    get: () => baseUrl,
    set(value: string) {
      baseUrl = value;
      const mount = PLUGIN_MOUNT.exec(value ?? '');
      if (mount && !seen.plugin) seen.plugin = mount[1].toLowerCase();
    },
  });
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: Request['route']) {
      route = value;
      if (value?.path !== undefined) {
        seen.template = `${(baseUrl ?? '').toLowerCase()}${String(value.path)}`;
      }
    },
  });
  return seen;
}
