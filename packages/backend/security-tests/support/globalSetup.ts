import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VaultApiServer } from '@finops/plugin-secrets-backend/testUtils';
import {
  freePort,
  startBackend,
  testBackendConfig,
} from '../../e2e-tests/support/backendProcess';
import {
  createDatabase,
  startObservability,
} from '../../e2e-tests/support/globalSetup';
import { writeRegistry, vaultSecretValues } from './plantedSecrets';
import {
  SECURITY_STATE_DIR,
  SECURITY_STATE_FILE,
  SecurityState,
} from './state';

/** A secret of card-payments (vault.io/secrets-path in examples/). */
const PLANTED_VAULT_PATH = 'payments/card-payments/database';

/**
 * One real backend on PostgreSQL, configured as the end-to-end suite
 * configures its own (static service token, Vault-API test server,
 * Prometheus, Alertmanager and Grafana's API, GitHub's webhook secret),
 * plus a session secret, and every one of those values in the
 * planted-secret registry for the leak scan. Returns the teardown.
 */
export default async function globalSetup() {
  const pgUrl = process.env.FINOPS_TEST_POSTGRES_URL;
  if (!pgUrl) {
    throw new Error(
      'FINOPS_TEST_POSTGRES_URL is not set: run the suite through scripts/test.sh',
    );
  }
  await rm(SECURITY_STATE_DIR, { recursive: true, force: true });
  await mkdir(SECURITY_STATE_DIR, { recursive: true });

  const secret = () => randomBytes(24).toString('base64url');
  const serviceToken = secret();
  const webhookSecret = secret();
  const sessionSecret = secret();
  const database = await createDatabase(pgUrl);
  const vault = await VaultApiServer.start();
  const observability = await startObservability();
  const stopAll = async () => {
    await vault.close();
    await observability.stop();
    await database.drop();
  };

  let backend;
  try {
    await plantVaultSecret(vault);
    const port = await freePort();
    backend = await startBackend({
      name: 'security',
      stateDir: SECURITY_STATE_DIR,
      port,
      configOverride: {
        ...testBackendConfig({
          port,
          database: {
            client: 'pg',
            connection: database.url,
            pluginDivisionMode: 'schema',
          },
          serviceToken,
          subject: 'security-tests',
          vault,
          webhookSecret,
          techdocsDir: join(SECURITY_STATE_DIR, 'techdocs'),
        }),
        health: observability.config,
        auth: { session: { secret: sessionSecret } },
      },
    });
    await writeRegistry(SECURITY_STATE_DIR, {
      suite: 'security',
      secrets: [
        { name: 'static external-access token', value: serviceToken },
        { name: 'GitHub webhook secret', value: webhookSecret },
        { name: 'auth session secret', value: sessionSecret },
        { name: 'Vault root token', value: vault.rootToken },
        ...observability.config.grafana.instances.map(i => ({
          name: `Grafana token (${i.name})`,
          value: i.token,
        })),
        // Only what was planted: values the fuzzer wrote are its own
        // choice, and may be as short or as common as it likes.
        ...(await vaultSecretValues(vault)),
      ],
      databaseDumps: ['postgres.dump.sql'],
      errors: [],
    });
  } catch (error) {
    await backend?.stop();
    await stopAll();
    throw error;
  }

  const state: SecurityState = {
    url: backend.url,
    logFile: backend.logFile,
    databaseUrl: database.url,
    serviceToken,
    webhookSecret,
    vault: { url: vault.url, rootToken: vault.rootToken },
  };
  await writeFile(SECURITY_STATE_FILE, JSON.stringify(state, null, 2), {
    mode: 0o600,
  });

  return async () => {
    await backend.stop();
    await stopAll();
  };
}

/** A database password, written as an operator would (KV version 2). */
async function plantVaultSecret(vault: VaultApiServer) {
  const res = await fetch(`${vault.url}/v1/secret/data/${PLANTED_VAULT_PATH}`, {
    method: 'POST',
    headers: {
      'X-Vault-Token': vault.rootToken,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      data: {
        username: 'card_payments_app',
        password: randomBytes(24).toString('base64url'),
      },
    }),
  });
  if (!res.ok) {
    throw new Error(`planting a Vault secret failed: ${res.status}`);
  }
}
