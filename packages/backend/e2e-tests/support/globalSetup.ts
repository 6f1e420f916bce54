import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { VaultApiServer } from '@finops/plugin-secrets-backend/testUtils';
import {
  GrafanaApiServer,
  halfBudgetRequests,
  MetricsExporter,
  postAlerts,
  startAlertmanager,
  startPrometheus,
} from '@finops/plugin-health-backend/testUtils';
import { recordPlantedSecrets } from '../../security-tests/support/plantedSecrets';
import {
  freePort,
  RunningBackend,
  startBackend,
  testBackendConfig,
} from './backendProcess';
import {
  E2E_SCREENSHOTS_DIR,
  E2E_STATE_DIR,
  E2E_STATE_FILE,
  E2EState,
} from './state';

/**
 * Starts the real backend twice, once on embedded SQLite and once on the
 * PostgreSQL server the test command provides (in the production layout: one
 * schema per plugin), both serving the built app. Returns the teardown.
 */
export default async function globalSetup() {
  const pgUrl = process.env.FINOPS_TEST_POSTGRES_URL;
  if (!pgUrl) {
    throw new Error(
      'FINOPS_TEST_POSTGRES_URL is not set: run the suite through scripts/test.sh',
    );
  }
  await rm(E2E_STATE_DIR, { recursive: true, force: true });
  await rm(E2E_SCREENSHOTS_DIR, { recursive: true, force: true });
  await mkdir(join(E2E_STATE_DIR, 'sqlite'), { recursive: true });

  const serviceToken = randomBytes(24).toString('base64url');
  const webhookSecret = randomBytes(24).toString('base64url');
  const database = await createDatabase(pgUrl);
  // Vault cannot run here: each backend gets a Vault-API test server of its
  // own (the secrets backend's, which follows Vault's documented API).
  const vaults: VaultApiServer[] = [];
  const observability = await startObservability();
  const configFor = (
    port: number,
    databaseConfig: object,
    vault: VaultApiServer,
  ) => ({
    ...testBackendConfig({
      port,
      database: databaseConfig,
      serviceToken,
      subject: 'e2e-tests',
      vault,
      webhookSecret,
      techdocsDir: join(E2E_STATE_DIR, 'techdocs'),
    }),
    health: observability.config,
    // The guest (app-config.yaml) is user:default/guest of the customer
    // team: the Secrets tab's owner actions and the golden paths can be
    // exercised, and card-payments stays someone else's, for the deploy tests.
    auth: {
      // The CLI's e2e checks what finops login says where command-line
      // sign-in is off; the sign-in itself is tested in the CLI's own suite.
      clientIdMetadataDocuments: { enabled: false },
    },
    // Templates publish into this run's own local repositories.
    scaffolder: {
      localRepos: {
        directory: join(E2E_STATE_DIR, `repos-${port}`),
        host: 'repos.local',
      },
    },
  });
  const targets = [
    {
      name: 'sqlite',
      database: {
        client: 'better-sqlite3',
        connection: { directory: join(E2E_STATE_DIR, 'sqlite') },
      },
    },
    {
      name: 'postgres',
      database: {
        client: 'pg',
        connection: database.url,
        pluginDivisionMode: 'schema',
      },
    },
  ];

  const started: RunningBackend[] = [];
  try {
    for (const target of targets) {
      const port = await freePort();
      const vault = await VaultApiServer.start();
      vaults.push(vault);
      started.push(
        await startBackend({
          name: target.name,
          stateDir: E2E_STATE_DIR,
          port,
          configOverride: configFor(port, target.database, vault),
        }),
      );
    }
  } catch (error) {
    await Promise.all(started.map(b => b.stop()));
    await Promise.all(vaults.map(v => v.close()));
    await observability.stop();
    await database.drop();
    throw error;
  }

  const [sqlite, postgres] = started;
  const state: E2EState = {
    serviceToken,
    webhookSecret,
    backends: {
      sqlite: { url: sqlite.url, logFile: sqlite.logFile },
      postgres: { url: postgres.url, logFile: postgres.logFile },
    },
  };
  await writeFile(E2E_STATE_FILE, JSON.stringify(state, null, 2));

  return async () => {
    // For the security suite's leak scan: what this run planted, and a dump
    // of its database before it is dropped.
    await recordPlantedSecrets({
      suite: 'e2e',
      stateDir: E2E_STATE_DIR,
      secrets: [
        { name: 'static external-access token', value: serviceToken },
        { name: 'GitHub webhook secret', value: webhookSecret },
        ...observability.config.grafana.instances.map(i => ({
          name: `Grafana token (${i.name})`,
          value: i.token,
        })),
      ],
      vaults,
      databases: [{ name: 'postgres', url: database.url }],
    });
    await Promise.all(started.map(b => b.stop()));
    await Promise.all(vaults.map(v => v.close()));
    await observability.stop();
    await database.drop();
  };
}

/** The token of the Grafana test server. */
const GRAFANA_TOKEN = 'glsa_e2e_viewer_token';

/**
 * A real Prometheus scraping an exporter of onboarding-service's request
 * histogram, a real Alertmanager holding one of its alerts, and Grafana's
 * API (which cannot run here) with its dashboard; shared by both backends.
 *
 * Per scrape onboarding-service answers 200 requests: 199 × 200 and 1 × 500
 * (0.5% bad), 199 of them within 250 ms: against its 99% objectives half
 * of each error budget is left.
 */
export async function startObservability() {
  const exporter = await MetricsExporter.start({
    requests: halfBudgetRequests({
      service: 'onboarding-service',
      method: 'POST',
      route: '/v1/applications',
    }),
    cpu: [{ labels: { service: 'onboarding-service' }, secondsPerScrape: 0.2 }],
  });
  const [prometheus, alertmanager, grafana] = await Promise.all([
    startPrometheus({ targets: [exporter.target] }),
    startAlertmanager(),
    GrafanaApiServer.start({ token: GRAFANA_TOKEN }),
  ]);
  grafana.dashboards.push({
    uid: 'onboarding',
    title: 'Onboarding service',
    tags: ['service:onboarding-service'],
    folderTitle: 'Customer',
    panels: [{ id: 1, title: 'Applications per minute' }],
  });
  await postAlerts(alertmanager.baseUrl, [
    {
      labels: {
        alertname: 'KycQueueBacklog',
        service: 'onboarding-service',
        severity: 'warning',
      },
      annotations: {
        summary: 'KYC decisions are waiting more than 10 minutes',
      },
    },
  ]);
  return {
    config: {
      cacheTtl: '5s',
      prometheus: {
        rateWindow: '30s',
        instances: [{ name: 'main', baseUrl: prometheus.baseUrl }],
      },
      alertmanager: {
        instances: [{ name: 'main', baseUrl: alertmanager.baseUrl }],
      },
      grafana: {
        instances: [
          {
            name: 'main',
            baseUrl: grafana.baseUrl,
            publicUrl: 'https://grafana.example.com',
            token: GRAFANA_TOKEN,
          },
        ],
      },
    },
    async stop() {
      await Promise.all([
        prometheus.stop(),
        alertmanager.stop(),
        grafana.close(),
      ]);
      await exporter.close();
    },
  };
}

/** A database of its own for this run, so runs never see each other's data. */
export async function createDatabase(serverUrl: string) {
  const name = `finops_e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
