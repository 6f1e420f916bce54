/*
 * What is under load, one route at a time (paths from each plugin's
 * src/schema/openapi.yaml). Request i asks about entity i (modulo their
 * number), so caches see what a portal used by many teams sees. Each route
 * has the status it must answer, and a check of a whole answer, run once
 * before the load (preflight) so that a route answering the wrong thing
 * fast cannot pass for a fast route.
 *
 *   overhead     GET  a trivial server's `{}`: the load generator's own cost
 *   catalog      GET  /api/catalog/entities/by-name/component/default/:name
 *                     the stock catalog route: THE ANCHOR
 *   runs         GET  /api/pipelines/runs?entityRef=&limit=20
 *   violations   GET  /api/policy/entities/component/default/:name/compliance
 *   secrets      GET  /api/secrets/secrets?entityRef=       (Vault metadata)
 *   health       GET  /api/health/summary?entityRef=        (Prometheus, Alertmanager)
 *   webhooks     POST /api/events/http/github   signed GitHub deliveries
 *   policy-check POST /api/policy/decisions/catalog   finops.catalog on an entity
 *   deploy       POST /api/pipelines/deploy-requests   production deploys (as a
 *                     person: they wait for an approver, nothing is dispatched)
 */
import { Entity } from '@backstage/catalog-model';
import { Delivery } from '../../pipelines/src/deliveries';
import { SECRET_NAMES, SECRETS_ENVIRONMENTS } from './catalog';

export type RouteKind = 'overhead' | 'anchor' | 'read' | 'write';

export interface RouteRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface Route {
  id: string;
  kind: RouteKind;
  label: string;
  origin: string;
  /** The status of a successful answer. */
  status: number;
  request(index: number): RouteRequest;
  /** Throws, saying what is wrong, when an answer is not the right one. */
  check(body: string): void;
}

export const ANCHOR = 'catalog';

export interface RouteContext {
  backendUrl: string;
  trivialUrl: string;
  serviceToken: string;
  userToken: string;
  /** Component names of the generated catalog. */
  names: string[];
  components: Entity[];
  groups: string[];
  /** Components the signed-in person owns, with a version deployed before. */
  deployable: Array<{ entityRef: string; version: string }>;
  /** The signed deliveries of the current step (webhooks). */
  deliveries(): Delivery[];
}

export function routes(c: RouteContext): Route[] {
  const service = { authorization: `Bearer ${c.serviceToken}` };
  const user = { authorization: `Bearer ${c.userToken}` };
  const name = (i: number) => c.names[i % c.names.length];
  const ref = (i: number) => encodeURIComponent(`component:default/${name(i)}`);
  const json = (body: string) => JSON.parse(body);
  const expect = (ok: boolean, what: string) => {
    if (!ok) throw new Error(what);
  };
  const get = (
    id: string,
    kind: RouteKind,
    label: string,
    path: (i: number) => string,
    check: (body: any) => void,
  ): Route => ({
    id,
    kind,
    label,
    origin: c.backendUrl,
    status: 200,
    request: i => ({ method: 'GET', path: path(i), headers: service }),
    check: body => check(json(body)),
  });
  return [
    {
      id: 'overhead',
      kind: 'overhead',
      label: 'GET a trivial Node server',
      origin: c.trivialUrl,
      status: 200,
      request: () => ({ method: 'GET', path: '/', headers: {} }),
      check: body => expect(body === '{}', `answered ${body}`),
    },
    get(
      ANCHOR,
      'anchor',
      'GET /api/catalog/entities/by-name/…',
      i => `/api/catalog/entities/by-name/component/default/${name(i)}`,
      e => expect(e.metadata?.name === name(0), 'not the entity asked for'),
    ),
    get(
      'runs',
      'read',
      'GET /api/pipelines/runs?entityRef=',
      i => `/api/pipelines/runs?entityRef=${ref(i)}&limit=20`,
      page =>
        expect(page.items?.length === 20, `${page.items?.length} runs, not 20`),
    ),
    get(
      'violations',
      'read',
      'GET /api/policy/entities/…/compliance',
      i => `/api/policy/entities/component/default/${name(i)}/compliance`,
      compliance =>
        expect(
          compliance.status === 'fail' && compliance.violations.length > 0,
          `status ${compliance.status}, not fail with violations`,
        ),
    ),
    get(
      'secrets',
      'read',
      'GET /api/secrets/secrets?entityRef=',
      i => `/api/secrets/secrets?entityRef=${ref(i)}`,
      secrets => {
        const found = secrets.paths?.[0]?.secrets?.length;
        const seeded = SECRETS_ENVIRONMENTS.length * SECRET_NAMES.length;
        expect(
          secrets.configured === true && found === seeded,
          `${found} secrets, not the ${seeded} seeded`,
        );
      },
    ),
    get(
      'health',
      'read',
      'GET /api/health/summary?entityRef=',
      i => `/api/health/summary?entityRef=${ref(i)}`,
      summary =>
        expect(
          summary.errorBudgetRemaining > 0 && summary.status !== 'unknown',
          `status ${summary.status}: ${summary.reasons?.join('; ')}`,
        ),
    ),
    {
      id: 'webhooks',
      kind: 'write',
      label: 'POST /api/events/http/github (signed)',
      origin: c.backendUrl,
      status: 202,
      request: i => {
        const steps = c.deliveries();
        const d = steps[i % steps.length];
        return {
          method: 'POST',
          path: '/api/events/http/github',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'GitHub-Hookshot/bench',
            'x-github-event': d.event,
            'x-github-delivery': d.id,
            'x-hub-signature-256': d.signature,
          },
          body: d.body,
        };
      },
      check: () => {},
    },
    {
      id: 'policy-check',
      kind: 'write',
      label: 'POST /api/policy/decisions/catalog',
      origin: c.backendUrl,
      status: 200,
      request: i => ({
        method: 'POST',
        path: '/api/policy/decisions/catalog',
        headers: service,
        body: JSON.stringify({
          input: {
            entity: c.components[i % c.components.length],
            groups: c.groups,
            exceptions: [],
          },
        }),
      }),
      check: body => {
        const decision = json(body);
        expect(decision.allow === true, `allow ${decision.allow}, not true`);
      },
    },
    {
      id: 'deploy',
      kind: 'write',
      label: 'POST /api/pipelines/deploy-requests',
      origin: c.backendUrl,
      status: 201,
      request: i => {
        const target = c.deployable[i % c.deployable.length];
        return {
          method: 'POST',
          path: '/api/pipelines/deploy-requests',
          headers: user,
          body: JSON.stringify({
            entityRef: target.entityRef,
            action: 'deploy',
            environment: 'production',
            version: target.version,
          }),
        };
      },
      check: body => {
        const request = json(body);
        expect(
          request.status === 'pending',
          `status ${request.status}, not pending: ${request.message}`,
        );
      },
    },
  ];
}
