/*
 * The pipelines backend's HTTP API (src/schema/openapi.yaml). Read-only:
 *
 *   GET /runs?entityRef=          an entity's workflow runs, newest first
 *   GET /runs/:runId              one run with its jobs and artifacts
 *   GET /environments?entityRef=  the version in each environment, history
 *   GET /dora?entityRef|system|owner=&since=&until=   DORA metrics
 *
 * Writes arrive as events (GitHub and Argo CD deliveries through the events
 * backend, which checks their signatures), not through this router. The
 * generated router checks each request against the spec; what it cannot
 * say (one DORA scope, the range) is checked in doraRequest.ts. Every route
 * needs a user or service credential and the pipelines.read permission.
 */
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { pipelinesReadPermission } from '@finops/plugin-pipelines-common';
import express from 'express';
import { DeploymentStore } from './database/DeploymentStore';
import { DoraQuery } from './database/DoraQuery';
import { RunStore } from './database/RunStore';
import { parseDoraRequest } from './doraRequest';
import {
  CatalogEntityIndex,
  normalizeEntityRef,
} from './ingestion/CatalogEntityIndex';
import { createOpenApiRouter } from './schema/openapi';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  runs: RunStore;
  deployments: DeploymentStore;
  dora: DoraQuery;
  entities: CatalogEntityIndex;
}): Promise<express.Router> {
  const { httpAuth, permissions, runs, deployments, dora, entities } = options;
  const router = await createOpenApiRouter();

  async function authorizeRead(req: express.Request<any, any, any, any>) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: pipelinesReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not read pipeline data');
    }
  }

  router.get('/runs', async (req, res) => {
    await authorizeRead(req);
    res.json(
      await runs.listRuns({
        ...req.query,
        entityRef: normalizeEntityRef(req.query.entityRef),
      }),
    );
  });

  router.get('/runs/:runId', async (req, res) => {
    await authorizeRead(req);
    const run = await runs.getRun(req.params.runId);
    if (!run) {
      throw new NotFoundError(`No workflow run ${req.params.runId}`);
    }
    res.json(run);
  });

  router.get('/environments', async (req, res) => {
    await authorizeRead(req);
    res.json({
      items: await deployments.listEnvironments(
        normalizeEntityRef(req.query.entityRef),
        req.query.historyLimit,
      ),
    });
  });

  router.get('/dora', async (req, res) => {
    await authorizeRead(req);
    // Read untyped: the generated types call `from` `_from`.
    const { scope, from, to } = parseDoraRequest(req.query, Date.now());
    const entityRefs = await entities.entitiesIn(scope);
    res.json(await dora.compute({ scope, entityRefs, from, to }));
  });

  return router;
}
