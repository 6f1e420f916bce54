import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { recordedFetch } from './support/recordedFetch';
import { readSecurityState, REPO_ROOT } from './support/state';

/**
 * Every route without credentials: every operation of our plugins' OpenAPI
 * specs, Backstage's core plugin routes, and an unknown path under every
 * plugin (the auth policy applies before routing, so a route added later
 * is covered too). Only the routes below, each with its reason, answer
 * anything but 401/403.
 */
const OPEN: Array<{
  method: string;
  path: string;
  status: number;
  reason: string;
}> = [
  {
    method: 'GET',
    path: '/.backstage/health/v1/readiness',
    status: 200,
    reason: 'readiness probe of the platform (Kubernetes, load balancers)',
  },
  {
    method: 'GET',
    path: '/.backstage/health/v1/liveness',
    status: 200,
    reason: 'liveness probe of the platform',
  },
  {
    method: 'GET',
    path: '/',
    status: 200,
    reason: 'the app: static HTML that shows the sign-in page',
  },
  {
    method: 'GET',
    path: '/catalog',
    status: 200,
    reason: 'the app: every page route serves the same static HTML',
  },
  {
    method: 'GET',
    path: '/manifest.json',
    status: 200,
    reason: 'the app: static asset',
  },
  {
    method: 'GET',
    path: '/favicon.ico',
    status: 200,
    reason: 'the app: static asset',
  },
  {
    method: 'GET',
    path: '/api/app/',
    status: 200,
    reason: 'the app backend: the same static HTML, under its plugin path',
  },
  {
    method: 'GET',
    path: '/api/auth/guest/refresh',
    status: 200,
    reason:
      'sign-in flow: the guest provider (app-config.yaml, development mode only)',
  },
  {
    method: 'GET',
    path: '/api/auth/.well-known/openid-configuration',
    status: 200,
    reason: 'OpenID discovery document: public by the standard',
  },
  {
    method: 'GET',
    path: '/api/auth/.well-known/jwks.json',
    status: 200,
    reason: 'public keys that verify Backstage tokens: public by design',
  },
  {
    method: 'GET',
    path: '/api/auth/.well-known/oauth-client/cli.json',
    status: 200,
    reason: 'client ID metadata document (CIMD) of the finops CLI',
  },
  {
    method: 'GET',
    path: '/api/auth/v1/authorize',
    status: 400,
    reason:
      'sign-in flow: OAuth authorize of command-line sign-in (no parameters: 400)',
  },
  {
    method: 'POST',
    path: '/api/auth/v1/token',
    status: 400,
    reason: 'sign-in flow: OAuth token endpoint, authenticated by code + PKCE',
  },
  {
    method: 'POST',
    path: '/api/auth/v1/revoke',
    status: 400,
    reason: 'sign-in flow: OAuth token revocation, authenticated by the token',
  },
  {
    method: 'GET',
    path: '/api/auth/v1/sessions/3f1e0c2a-1b2c-4d5e-8f90-123456789abc',
    status: 400,
    reason:
      'sign-in flow: the consent page reads its session by an unguessable id',
  },
  {
    method: 'POST',
    path: '/api/events/http/github',
    status: 403,
    reason:
      "GitHub's webhook ingress: authenticated by X-Hub-Signature-256, not by a token (unsigned: 403 from the signature check)",
  },
];

/** Backstage's core plugins and the routes they serve (API references). */
const CORE_ROUTES: Array<[string, string]> = [
  ['GET', '/api/catalog/entities'],
  ['GET', '/api/catalog/entities/by-query'],
  ['GET', '/api/catalog/entities/by-name/component/default/card-payments'],
  ['POST', '/api/catalog/entities/by-refs'],
  [
    'DELETE',
    '/api/catalog/entities/by-uid/3f1e0c2a-1b2c-4d5e-8f90-123456789abc',
  ],
  ['GET', '/api/catalog/entity-facets?facet=kind'],
  ['GET', '/api/catalog/locations'],
  ['POST', '/api/catalog/locations'],
  ['POST', '/api/catalog/refresh'],
  ['POST', '/api/catalog/analyze-location'],
  ['POST', '/api/catalog/validate-entity'],
  ['GET', '/api/catalog/.well-known/backstage/permissions/metadata'],
  ['GET', '/api/scaffolder/v2/actions'],
  ['GET', '/api/scaffolder/v2/tasks'],
  ['POST', '/api/scaffolder/v2/tasks'],
  ['POST', '/api/scaffolder/v2/dry-run'],
  [
    'GET',
    '/api/scaffolder/v2/templates/default/template/typescript-service/parameter-schema',
  ],
  ['GET', '/api/techdocs/metadata/techdocs/default/component/card-payments'],
  ['GET', '/api/techdocs/metadata/entity/default/component/card-payments'],
  ['GET', '/api/techdocs/sync/default/component/card-payments'],
  [
    'GET',
    '/api/techdocs/static/docs/default/component/card-payments/index.html',
  ],
  ['GET', '/api/search/query?term=payments'],
  ['POST', '/api/permission/authorize'],
  ['GET', '/api/auth/v1/userinfo'],
  [
    'POST',
    '/api/auth/v1/sessions/3f1e0c2a-1b2c-4d5e-8f90-123456789abc/approve',
  ],
  ['GET', '/api/events/bus/v1/subscriptions/x/events'],
  ['POST', '/api/events/bus/v1/events'],
  ['GET', '/api/signals/'],
  ['GET', '/api/kubernetes/clusters'],
  ['POST', '/api/kubernetes/services/card-payments'],
  ['POST', '/api/kubernetes/resources/workloads/query'],
  ['GET', '/api/kubernetes/proxy/api/v1/namespaces'],
  ['GET', '/api/proxy/'],
  ['GET', '/api/notifications/'],
  ['GET', '/api/notifications/status'],
  ['GET', '/api/user-settings/buckets/default/keys/theme'],
  ['POST', '/api/mcp-actions/v1'],
  ['GET', '/api/argocd/argoInstance/main/applications/name/card-payments'],
];

/** Plugins whose every path needs credentials (auth and app are open by design). */
const PROTECTED_PLUGINS = [
  'catalog',
  'scaffolder',
  'techdocs',
  'search',
  'permission',
  'events',
  'signals',
  'kubernetes',
  'proxy',
  'notifications',
  'user-settings',
  'mcp-actions',
  'argocd',
  'health',
  'pipelines',
  'policy',
  'secrets',
];

const SAMPLE_PATH_PARAMETERS: Record<string, string> = {
  runId: '15111291779',
  requestId: '3f1e0c2a-1b2c-4d5e-8f90-123456789abc',
  id: '3f1e0c2a-1b2c-4d5e-8f90-123456789abc',
  decisionPoint: 'deploy',
  kind: 'component',
  namespace: 'default',
  name: 'card-payments',
};

function specRoutes(): Array<[string, string]> {
  const routes: Array<[string, string]> = [];
  for (const plugin of ['health', 'pipelines', 'policy', 'secrets']) {
    const spec = parse(
      readFileSync(
        join(REPO_ROOT, `plugins/${plugin}-backend/src/schema/openapi.yaml`),
        'utf8',
      ),
    );
    for (const [path, operations] of Object.entries<object>(spec.paths)) {
      const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = SAMPLE_PATH_PARAMETERS[name];
        if (!value) throw new Error(`no sample value for {${name}} in ${path}`);
        return value;
      });
      for (const method of Object.keys(operations)) {
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) {
          routes.push([
            method.toUpperCase(),
            `/api/${plugin}${concrete}?entityRef=component:default/card-payments`,
          ]);
        }
      }
    }
  }
  return routes;
}

async function unauthenticated(url: string, method: string, path: string) {
  const body = ['POST', 'PUT', 'PATCH'].includes(method) ? '{}' : undefined;
  return recordedFetch(`${url}${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body,
  });
}

test('without credentials, every route but the open ones answers 401 or 403', async ({}, testInfo) => {
  const { url } = readSecurityState();
  const routes = [
    ...specRoutes(),
    ...CORE_ROUTES,
    ...PROTECTED_PLUGINS.map(p => ['GET', `/api/${p}/no-such-route`]),
    ...PROTECTED_PLUGINS.map(p => ['POST', `/api/${p}/no-such-route`]),
  ] as Array<[string, string]>;
  const answered: string[] = [];
  for (const [method, path] of routes) {
    const res = await unauthenticated(url, method, path);
    if (res.status !== 401 && res.status !== 403) {
      answered.push(`${method} ${path}: ${res.status}`);
    }
  }
  testInfo.annotations.push({
    type: 'sweep',
    description: `${routes.length} protected routes requested without credentials`,
  });
  expect(answered).toEqual([]);
  // The four specs held 37 operations when this was written.
  expect(specRoutes().length).toBeGreaterThanOrEqual(37);
});

test('the open routes are exactly the allowlisted ones, each for its reason', async () => {
  const { url } = readSecurityState();
  const seen = [];
  for (const route of OPEN) {
    const res = await unauthenticated(url, route.method, route.path);
    seen.push({
      route: `${route.method} ${route.path}`,
      reason: route.reason,
      status: res.status,
    });
  }
  expect(seen).toEqual(
    OPEN.map(route => ({
      route: `${route.method} ${route.path}`,
      reason: route.reason,
      status: route.status,
    })),
  );
});

test('a forged or expired token is no better than none', async () => {
  const { url } = readSecurityState();
  const forged = [
    'not-a-token',
    // A JWT signed by nobody the backend trusts (alg none).
    `${Buffer.from('{"alg":"none","typ":"JWT"}').toString(
      'base64url',
    )}.${Buffer.from('{"sub":"user:default/guest"}').toString('base64url')}.`,
  ];
  for (const token of forged) {
    for (const path of [
      '/api/catalog/entities',
      '/api/pipelines/runs?entityRef=component:default/card-payments',
      '/api/secrets/secrets?entityRef=component:default/card-payments',
    ]) {
      const res = await recordedFetch(`${url}${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
  }
});
