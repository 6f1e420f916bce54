/*
 * The smallest real backend that takes GitHub webhook deliveries the way
 * production does: packages/backend's events service (webhook deliveries
 * stay in the process that received them; the rest goes through the event
 * bus as configured), the events backend (HTTP ingress, event bus), its
 * GitHub module (X-Hub-Signature-256 check, `github.<event>` topics), the
 * signals backend (where the plugin's change signals go) and the pipelines
 * backend. Started as a child process by main.ts with a generated
 * app-config.
 *
 * The catalog is an in-process one serving a fixed list of entities (the
 * file in BENCH_PIPELINES_ENTITIES): the benchmark measures ingestion, not
 * the catalog. It counts the plugin's calls, which a real catalog answers
 * over HTTP from its database, and logs the counts on SIGTERM.
 */
import { createBackend } from '@backstage/backend-defaults';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { GetEntitiesRequest } from '@backstage/catalog-client';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readFileSync } from 'node:fs';
import { eventsServiceFactory } from '../../../packages/backend/src/eventsService';
import { CATALOG_CALLS_MESSAGE, CatalogCalls } from './pipelinesBackend';

const entitiesFile = process.env.BENCH_PIPELINES_ENTITIES;
if (!entitiesFile) throw new Error('BENCH_PIPELINES_ENTITIES is not set');

const calls: CatalogCalls = { byRepository: 0, byRepositoryAt: [], other: 0 };

class CountingCatalog extends InMemoryCatalogClient {
  async getEntities(request?: GetEntitiesRequest) {
    const filter = JSON.stringify(request?.filter ?? {});
    if (filter.includes('github.com/project-slug')) {
      calls.byRepository += 1;
      calls.byRepositoryAt.push(Date.now());
    } else {
      calls.other += 1;
    }
    return super.getEntities(request);
  }
}
const catalog = new CountingCatalog({
  entities: JSON.parse(readFileSync(entitiesFile, 'utf8')),
});

const backend = createBackend();
// As packages/backend: webhook deliveries stay in this process.
backend.add(eventsServiceFactory);
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@finops/plugin-pipelines-backend'));
backend.add(
  createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  }),
);
backend.start();

// Backstage stops gracefully on SIGTERM, but the event bus's long polls
// hold that up for most of a minute; exit soon anyway (normally, so that
// --cpu-prof still writes its profile).
process.once('SIGTERM', () => {
  process.stdout.write(
    `${JSON.stringify({
      level: 'info',
      message: CATALOG_CALLS_MESSAGE,
      ...calls,
    })}\n`,
  );
  setTimeout(() => process.exit(0), 3_000).unref();
});
