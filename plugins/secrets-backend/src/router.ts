/*
 * The secrets backend's HTTP API (src/schema/openapi.yaml):
 *
 *   GET  /status                          Vault configured? each instance's health
 *   GET  /secrets?entityRef=              an entity's secret metadata and bindings
 *   POST /provision                       provision an environment (or plan it)
 *   POST /rotate                          rotate a provisioned secret
 *   GET  /requests?entityRef=             requests that needed approval
 *   POST /requests/{requestId}/approve    approve and apply
 *   POST /requests/{requestId}/reject     reject
 *
 * Every route needs a user or service credential; changes need a user and
 * are auditor events. No route returns a secret value: generated values
 * leave only inside a Vault response-wrapping token the caller asked for.
 */
import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { auditedUserAction, upstreamErrorAsOwn } from '@finops/backend-common';
import express from 'express';
import { createOpenApiRouter } from './schema/openapi';
import { SecretsService } from './SecretsService';
import { VaultInstances } from './vault/VaultInstances';
import { readSecretsStatus } from './vaultStatus';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  instances: VaultInstances;
  secrets: SecretsService;
}): Promise<express.Router> {
  const { httpAuth, auditor, instances, secrets } = options;
  const router = await createOpenApiRouter();

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(await readSecretsStatus(instances));
  });

  router.get('/secrets', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await secrets.read(req.query.entityRef, credentials));
  });

  router.get('/requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json({
      items: await secrets.listRequests(req.query.entityRef, credentials),
    });
  });

  const audited = auditedUserAction({ auditor, httpAuth });

  const outcomeMeta = (result: {
    outcome: string;
    changes: Array<{ kind: string; name: string; action: string }>;
    request: { id: string } | null;
    wrapped: unknown;
    revision: string;
  }): JsonObject => ({
    outcome: result.outcome,
    changes: result.changes.map(c => `${c.kind} ${c.name}: ${c.action}`),
    requestId: result.request?.id ?? null,
    wrapped: !!result.wrapped,
    policyRevision: result.revision,
  });

  router.post('/provision', async (req, res) => {
    const { entityRef, environment, dryRun, wrap, auth } = req.body;
    res.json(
      await audited(
        req,
        {
          eventId: 'secrets-provision',
          meta: {
            entityRef,
            environment,
            dryRun: !!dryRun,
            wrap: !!wrap,
            authMethod: auth.method,
            // Names only: a value never reaches the audit log.
            secrets: req.body.secrets.map(
              (s: { name: string; keys: Array<{ key: string }> }) =>
                `${s.name}: ${s.keys.map(k => k.key).join(', ')}`,
            ),
          },
        },
        credentials => secrets.provision(req.body, credentials),
        outcomeMeta,
      ),
    );
  });

  router.post('/rotate', async (req, res) => {
    const { entityRef, environment, secret, wrap } = req.body;
    res.json(
      await audited(
        req,
        {
          eventId: 'secrets-rotate',
          meta: { entityRef, environment, secret, wrap: !!wrap },
        },
        credentials => secrets.rotate(req.body, credentials),
        outcomeMeta,
      ),
    );
  });

  for (const verdict of ['approve', 'reject'] as const) {
    router.post(`/requests/:requestId/${verdict}`, async (req, res) => {
      const { requestId } = req.params;
      const comment = req.body?.comment ?? null;
      res.json(
        await audited(
          req,
          { eventId: `secrets-request-${verdict}`, meta: { requestId } },
          credentials =>
            verdict === 'approve'
              ? secrets.approve(requestId, comment, credentials)
              : secrets.reject(requestId, comment, credentials),
          request => ({
            entityRef: request.entityRef,
            action: request.action,
            environment: request.environment,
            status: request.status,
          }),
        ),
      );
    });
  }

  // The catalog's or the permission backend's refusal, with its reason.
  router.use(upstreamErrorAsOwn);
  return router;
}
