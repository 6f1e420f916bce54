/*
 * The secrets backend's HTTP API (src/schema/openapi.yaml):
 *
 *   GET /status   whether Vault is configured and, per instance, whether
 *                 it answers, is initialised and unsealed
 *
 * needs a user or service credential. The report holds names, versions and
 * states only; no route of this backend returns a secret value.
 */
import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { createOpenApiRouter } from './schema/openapi';
import { VaultInstances } from './vault/VaultInstances';
import { readSecretsStatus } from './vaultStatus';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  instances: VaultInstances;
}): Promise<express.Router> {
  const { httpAuth, instances } = options;
  const router = await createOpenApiRouter();

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(await readSecretsStatus(instances));
  });

  return router;
}
