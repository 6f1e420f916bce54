/*
 * The FinOps Platform backend (new backend system).
 *
 * Which plugins run, and where they keep state, is decided by configuration:
 * app-config.yaml is the local default (embedded SQLite, guest sign-in,
 * example catalog); app-config.production.yaml switches to PostgreSQL, OIDC
 * and the real integrations.
 */
import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { localReposUrlReaderFactory } from '@finops/plugin-scaffolder-backend-module-local-repos';
import { eventsServiceFactory } from './eventsService';
import { eventsModuleWebhookIngress } from './webhookIngress';
import { httpRequestMetrics } from './metrics/httpRequestMetrics';

const backend = createBackend();

// Request rate, errors and latency per plugin and route, for Prometheus
// (served by src/instrumentation.js; see docs/operations.md, Metrics).
backend.add(
  rootHttpRouterServiceFactory({
    configure: ({ app, applyDefaults }) => {
      app.use(httpRequestMetrics());
      applyDefaults();
    },
  }),
);

// Webhook deliveries stay in the replica that received them (see there).
backend.add(eventsServiceFactory);

// Serves the built frontend, and the proxy for browser calls to other hosts.
backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guest locally; OIDC in production (resolved to catalog users).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));

// Catalog, and the entity kinds the scaffolder adds.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Discovers catalog-info.yaml in the organisation's repos when configured.
backend.add(import('@backstage/plugin-catalog-backend-module-github'));

// Golden-path templates.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(import('@finops/plugin-scaffolder-backend-module-policy'));
// finops:secrets:provision, through the secrets backend's HTTP API.
backend.add(import('@finops/plugin-scaffolder-backend-module-secrets'));
// finops:publish:local and the reader of its repositories (local portal only:
// both do nothing without scaffolder.localRepos).
backend.add(import('@finops/plugin-scaffolder-backend-module-local-repos'));
backend.add(localReposUrlReaderFactory);

// TechDocs, built with the mkdocs of the repo's virtualenv.
backend.add(import('@backstage/plugin-techdocs-backend'));

// Search: Lunr in memory on SQLite, the PostgreSQL engine on PostgreSQL.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// Permissions: every decision goes through our policy module.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@finops/plugin-permission-backend-module-policy'));

// Runtime state of services.
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('@roadiehq/backstage-plugin-argo-cd-backend'));

// Webhooks in (GitHub, signature checked), notifications and signals out.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));
// Malformed or untyped deliveries: 400 and 415, not 500 (see there).
backend.add(eventsModuleWebhookIngress);
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Policy decisions (Rego), the decision log and policy versions.
backend.add(import('@finops/plugin-policy-backend'));
// Every entity the catalog processes is checked against finops.catalog.
backend.add(import('@finops/plugin-catalog-backend-module-policy'));

backend.add(import('@finops/plugin-pipelines-backend'));
// Vault secrets of entities; not configured locally (GET /api/secrets/status says so).
backend.add(import('@finops/plugin-secrets-backend'));
// Golden signals, SLOs and error budgets, alerts and dashboards; not
// configured locally (each source says what to configure).
backend.add(import('@finops/plugin-health-backend'));
backend.start();
