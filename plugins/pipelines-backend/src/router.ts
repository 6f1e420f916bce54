/*
 * The pipelines backend's HTTP API (src/schema/openapi.yaml):
 *
 *   GET /runs?entityRef=          an entity's workflow runs, newest first
 *   GET /runs/:runId              one run with its jobs and artifacts
 *   GET /environments?entityRef=  the version in each environment, history
 *   GET /dora?entityRef|system|owner=&since=&until=   DORA metrics
 *   GET /deploy-requests, GET /deploy-requests/:id
 *
 * need a user or service credential and pipelines.read. The actions
 *
 *   POST /deploy-checks                      what finops.deploy would say
 *   POST /deploy-requests                    deploy, promote, roll back
 *   POST /deploy-requests/:id/approve|reject review a pending one
 *   POST /runs/:runId/rerun                  re-run a failed run's jobs
 *
 * need a signed-in person (separation of duties is about people) and are
 * decided in DeployService; each is an auditor event. Pipeline history
 * arrives as events (GitHub and Argo CD deliveries through the events
 * backend, which checks their signatures), not through this router. The
 * generated router checks each request against the spec; what it cannot
 * say (one DORA scope, the range) is checked in doraRequest.ts.
 */
import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { pipelinesReadPermission } from '@finops/plugin-pipelines-common';
import {
  auditedUserAction,
  invalidTextAs400,
  upstreamErrorAsOwn,
} from '@finops/backend-common';
import express from 'express';
import { databaseOutageAs503 } from './databaseOutage';
import { DeploymentStore } from './database/DeploymentStore';
import { DeployRequestStore } from './database/DeployRequestStore';
import { DeployService } from './deploy/DeployService';
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
  deploys: DeployService;
  deployRequests: DeployRequestStore;
  auditor: AuditorService;
}): Promise<express.Router> {
  const { httpAuth, permissions, runs, deployments, dora, entities } = options;
  const { deploys, deployRequests, auditor } = options;
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

  router.get('/deploy-requests', async (req, res) => {
    await authorizeRead(req);
    const { entityRef, status, limit } = req.query;
    res.json({
      items: await deployRequests.list({
        entityRef: entityRef ? normalizeEntityRef(entityRef) : undefined,
        status,
        limit,
      }),
    });
  });

  router.get('/deploy-requests/:requestId', async (req, res) => {
    await authorizeRead(req);
    const request = await deployRequests.get(req.params.requestId);
    if (!request) {
      throw new NotFoundError(`No deploy request ${req.params.requestId}`);
    }
    res.json(request);
  });

  const audited = auditedUserAction({ auditor, httpAuth });

  router.post('/deploy-checks', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await deploys.check(req.body, credentials));
  });

  router.post('/deploy-requests', async (req, res) => {
    const { entityRef, action, environment, version } = req.body;
    const created = await audited(
      req,
      {
        eventId: 'pipelines-deploy-request',
        meta: { entityRef, action, environment, version },
      },
      credentials => deploys.request(req.body, credentials),
      request => ({
        requestId: request.id,
        status: request.status,
        target: request.target ? { ...request.target } : null,
        message: request.message,
      }),
    );
    res.status(201).json(created);
  });

  router.post('/deploy-requests/:requestId/approve', async (req, res) => {
    const { requestId } = req.params;
    res.json(
      await audited(
        req,
        {
          eventId: 'pipelines-deploy-review',
          meta: { requestId, decision: 'approve' },
        },
        credentials =>
          deploys.approve(requestId, req.body?.comment ?? null, credentials),
        request => ({
          entityRef: request.entityRef,
          environment: request.environment,
          version: request.version,
          requestedBy: request.requestedBy,
          status: request.status,
          message: request.message,
        }),
      ),
    );
  });

  router.post('/deploy-requests/:requestId/reject', async (req, res) => {
    const { requestId } = req.params;
    res.json(
      await audited(
        req,
        {
          eventId: 'pipelines-deploy-review',
          meta: { requestId, decision: 'reject' },
        },
        credentials =>
          deploys.reject(requestId, req.body?.comment, credentials),
        request => ({
          entityRef: request.entityRef,
          requestedBy: request.requestedBy,
          status: request.status,
        }),
      ),
    );
  });

  router.post('/runs/:runId/rerun', async (req, res) => {
    const { runId } = req.params;
    const check = await audited(
      req,
      { eventId: 'pipelines-rerun', meta: { runId } },
      credentials => deploys.rerun(runId, credentials),
      result => ({ revision: result.revision }),
    );
    res.status(202).json(check);
  });

  router.use(invalidTextAs400);
  router.use(databaseOutageAs503);
  router.use(upstreamErrorAsOwn);
  return router;
}
