/*
 * The health backend's HTTP API (src/schema/openapi.yaml):
 *
 *   GET /status                   each configured source instance, probed now
 *   GET /signals?entityRef&range  golden signals from Prometheus
 *   GET /slos?entityRef           SLOs: attainment, error budget, burn rates
 *   GET /error-budget?entityRef   the remaining budget, for deploy gates
 *   GET /alerts?entityRef         firing and silenced alerts from Alertmanager
 *   GET /dashboards?entityRef     Grafana dashboards, panels and alert rules
 *   GET /summary?entityRef        one status for the entity
 *   GET /summaries?owner|system   one status per component, worst first
 *
 * Every route needs a user or service credential; reads only.
 */
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { upstreamErrorAsOwn } from '@finops/backend-common';
import express from 'express';
import { HealthService } from './HealthService';
import { createOpenApiRouter } from './schema/openapi';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  health: HealthService;
}): Promise<express.Router> {
  const { httpAuth, health } = options;
  const router = await createOpenApiRouter();
  const caller = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/status', async (req, res) => {
    await caller(req);
    res.json(await health.status());
  });
  router.get('/signals', async (req, res) => {
    res.json(
      await health.signals(
        req.query.entityRef,
        req.query.range,
        await caller(req),
      ),
    );
  });
  router.get('/slos', async (req, res) => {
    res.json(await health.slos(req.query.entityRef, await caller(req)));
  });
  router.get('/error-budget', async (req, res) => {
    res.json(await health.errorBudget(req.query.entityRef, await caller(req)));
  });
  router.get('/alerts', async (req, res) => {
    res.json(await health.alerts(req.query.entityRef, await caller(req)));
  });
  router.get('/dashboards', async (req, res) => {
    res.json(await health.dashboards(req.query.entityRef, await caller(req)));
  });
  router.get('/summary', async (req, res) => {
    res.json(await health.summary(req.query.entityRef, await caller(req)));
  });
  router.get('/summaries', async (req, res) => {
    res.json(
      await health.summaries(
        { owner: req.query.owner, system: req.query.system },
        await caller(req),
      ),
    );
  });
  // The catalog's or the permission backend's refusal, with its reason.
  router.use(upstreamErrorAsOwn);
  return router;
}
