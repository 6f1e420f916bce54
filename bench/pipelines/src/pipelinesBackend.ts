/*
 * Starts src/backend.ts as a child process with a generated app-config:
 * PostgreSQL as app-config.production.yaml sets it up (one database, a
 * schema per plugin, at most 5 connections per plugin) in a database of
 * this run, the webhook secret, a static service token for the DORA
 * queries, and the events settings of production (it sets none, so the
 * event bus is `auto`: on, on PostgreSQL).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ChildService,
  freePort,
  startService,
} from '../../policy/src/processes';

const BENCH_DIR = resolve(__dirname, '..');
const NODE_TRANSFORM = require.resolve(
  '@backstage/cli-node/config/nodeTransform.cjs',
);

export type EventBusMode = 'auto' | 'never';

/** The pool of each plugin, app-config.production.yaml's unless --pool. */
export const pluginPool = (max: number) => ({ min: 0, max });

export interface PipelinesBackend extends ChildService {
  token: string;
  webhookSecret: string;
  /** Its app-config: also what tells its process apart in /proc. */
  configFile: string;
}

export async function startPipelinesBackend(options: {
  /** This run's database. */
  databaseUrl: string;
  entitiesFile: string;
  eventBus: EventBusMode;
  pool: number;
  workDir: string;
  /** Where to write a V8 CPU profile on exit, if wanted. */
  profileDir?: string;
}): Promise<PipelinesBackend> {
  const port = await freePort();
  const token = randomBytes(32).toString('base64url');
  const webhookSecret = randomBytes(20).toString('hex');
  const config = {
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { host: '127.0.0.1', port },
      database: {
        client: 'pg',
        pluginDivisionMode: 'schema',
        connection: options.databaseUrl,
        knexConfig: { pool: pluginPool(options.pool) },
      },
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'bench' } },
        ],
      },
    },
    events: {
      useEventBus: options.eventBus,
      modules: { github: { webhookSecret } },
    },
    // No GitHub credentials: no REST backfill, as on a replica without them.
    pipelines: { backfill: { enabled: false } },
  };
  const configFile = join(options.workDir, 'backend.app-config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  const profileArgs = options.profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`]
    : [];
  // Diagnostics, e.g. BENCH_BACKEND_NODE_ARGS=--trace-gc (with --keep).
  const extraArgs = (process.env.BENCH_BACKEND_NODE_ARGS ?? '')
    .split(' ')
    .filter(Boolean);
  const service = await startService({
    name: 'pipelines backend',
    command: process.execPath,
    args: [
      ...profileArgs,
      ...extraArgs,
      '--require',
      NODE_TRANSFORM,
      'src/backend.ts',
      '--config',
      configFile,
    ],
    cwd: BENCH_DIR,
    env: {
      NODE_ENV: 'production',
      FORCE_COLOR: '0',
      BENCH_PIPELINES_ENTITIES: options.entitiesFile,
    },
    logFile: join(options.workDir, 'backend.log'),
    url: `http://127.0.0.1:${port}`,
    healthPath: '/.backstage/health/v1/readiness',
  });
  return { ...service, token, webhookSecret, configFile };
}

/** The server of `postgresUrl`, database `name`. */
export function databaseUrl(postgresUrl: string, name: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The catalog queries of the plugin, logged by src/backend.ts on SIGTERM. */
export const CATALOG_CALLS_MESSAGE = 'bench catalog calls';

export interface CatalogCalls {
  /** Which entity a repository's delivery belongs to. */
  byRepository: number;
  /** When each of those was asked (epoch ms). */
  byRepositoryAt: number[];
  /** The entities of a DORA scope (a system or an owner). */
  other: number;
}

/** What the stopped backend logged of its catalog queries, if it did. */
export function catalogCalls(logFile: string): CatalogCalls | undefined {
  const line = readFileSync(logFile, 'utf8')
    .split('\n')
    .find(l => l.includes(`"message":"${CATALOG_CALLS_MESSAGE}"`));
  return line ? JSON.parse(line) : undefined;
}
