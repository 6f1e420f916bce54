/*
 * The whole backend (packages/backend/src/index.ts, every plugin the
 * portal runs), started the way the end-to-end tests start it
 * (startBackend: app-config.yaml plus an override, from TypeScript
 * sources), with NODE_ENV=production (JSON logs, an access-log line per
 * request, production code paths in dependencies) and the override making
 * it production-like:
 *
 *   - PostgreSQL as app-config.production.yaml sets it up: this run's
 *     database, a schema per plugin, at most 5 connections per plugin;
 *   - a static external-access token for the load generator, as CI jobs
 *     and the finops CLI call the portal; a guest sign-in owning one team,
 *     because deploy requests need a person (separation of duties);
 *   - the generated catalog file instead of the examples; example
 *     deliveries not replayed; no GitHub backfill (no GitHub here: the
 *     deploy workflow target is configured with a token that is never
 *     used, since production deploys wait for an approver);
 *   - Vault (the test server), Prometheus and Alertmanager (real) as
 *     servers.ts and main.ts start them.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  freePort,
  RunningBackend,
  startBackend,
  testBackendConfig,
} from '../../../packages/backend/e2e-tests/support/backendProcess';
import type { Servers } from './fixtures';

/** Connections per plugin, as app-config.production.yaml. */
const POOL_MAX = 5;

export interface LoadBackend extends RunningBackend {
  serviceToken: string;
  webhookSecret: string;
  /** Unique to this backend's command line: tells its process apart in /proc. */
  marker: string;
  /** A signed-in person owning `ownerGroup`, for deploy requests. */
  userToken(): Promise<string>;
}

export async function startLoadBackend(options: {
  databaseUrl: string;
  catalogFile: string;
  ownerGroup: string;
  servers: Servers;
  prometheusUrl: string;
  alertmanagerUrl: string;
  workDir: string;
  /** Where to write a V8 CPU profile on exit, if wanted. */
  profileDir?: string;
}): Promise<LoadBackend> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const serviceToken = randomBytes(24).toString('base64url');
  const webhookSecret = randomBytes(24).toString('base64url');
  const { servers } = options;
  const configOverride = {
    ...testBackendConfig({
      port,
      database: {
        client: 'pg',
        pluginDivisionMode: 'schema',
        connection: options.databaseUrl,
        knexConfig: { pool: { min: 0, max: POOL_MAX } },
      },
      serviceToken,
      subject: 'bench-load',
      vault: servers.vault,
      webhookSecret,
      techdocsDir: join(options.workDir, 'docs'),
    }),
    auth: {
      clientIdMetadataDocuments: { enabled: false },
      providers: {
        guest: {
          dangerouslyAllowOutsideDevelopment: true,
          ownershipEntityRefs: ['user:default/guest', options.ownerGroup],
        },
      },
    },
    integrations: {
      github: [
        {
          host: 'github.com',
          token: 'bench-never-sent',
          // Nothing listens there: a call to GitHub would fail at once.
          apiBaseUrl: 'http://127.0.0.1:9',
        },
      ],
    },
    catalog: {
      locations: [
        {
          type: 'file',
          target: options.catalogFile,
          rules: [{ allow: ['Component', 'System', 'Group'] }],
        },
      ],
    },
    health: {
      prometheus: {
        rateWindow: '30s',
        instances: [{ name: 'main', baseUrl: options.prometheusUrl }],
      },
      alertmanager: {
        instances: [{ name: 'main', baseUrl: options.alertmanagerUrl }],
      },
    },
    pipelines: { examples: { load: false }, backfill: { enabled: false } },
    scaffolder: {
      localRepos: {
        directory: join(options.workDir, 'repos'),
        host: 'repos.local',
      },
    },
  };
  const profile = options.profileDir
    ? `--cpu-prof --cpu-prof-dir="${options.profileDir}" --require "${join(
        __dirname,
        'exitSoon.cjs',
      )}"`
    : '';
  const backend = await startBackend({
    name: 'bench-load-backend',
    stateDir: options.workDir,
    port,
    configOverride,
    env: { NODE_ENV: 'production', NODE_OPTIONS: profile },
  });
  return {
    ...backend,
    serviceToken,
    webhookSecret,
    marker: join(options.workDir, 'bench-load-backend.app-config.json'),
    async userToken() {
      const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      if (!res.ok) {
        throw new Error(`guest sign-in failed: HTTP ${res.status}`);
      }
      const session = (await res.json()) as {
        backstageIdentity: { token: string };
      };
      return session.backstageIdentity.token;
    },
  };
}
