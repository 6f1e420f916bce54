/*
 * Starts src/backend.ts as a child process with a generated app-config:
 * one evaluator, a static service token for the load generator, and the
 * plugin's own database (the decision log is written on every decision,
 * so where it lives is part of what is measured).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChildService, freePort, startService } from './processes';

const BENCH_DIR = resolve(__dirname, '..');
/** How `backstage-cli package start` runs TypeScript, without the watcher. */
const NODE_TRANSFORM = require.resolve(
  '@backstage/cli-node/config/nodeTransform.cjs',
);

export type DatabaseKind = 'postgres' | 'file' | 'memory';

export interface PolicyBackend extends ChildService {
  token: string;
}

export async function startPolicyBackend(options: {
  name: string;
  evaluator: 'embedded' | 'server';
  opaBaseUrl?: string;
  database: DatabaseKind;
  workDir: string;
  /** Where to write a V8 CPU profile on exit, if wanted. */
  profileDir?: string;
}): Promise<PolicyBackend> {
  const port = await freePort();
  const token = randomBytes(32).toString('base64url');
  const sqliteDir = join(options.workDir, `${options.name}-sqlite`);
  mkdirSync(sqliteDir, { recursive: true });
  const config = {
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { host: '127.0.0.1', port },
      database: databaseConfig(options.database, sqliteDir, options.name),
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'bench' } },
        ],
      },
    },
    policy: {
      evaluator: options.evaluator,
      ...(options.opaBaseUrl && { opa: { baseUrl: options.opaBaseUrl } }),
    },
  };
  const configFile = join(options.workDir, `${options.name}.app-config.json`);
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  const profileArgs = options.profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`]
    : [];
  const service = await startService({
    name: options.name,
    command: process.execPath,
    args: [
      ...profileArgs,
      '--require',
      NODE_TRANSFORM,
      'src/backend.ts',
      '--config',
      configFile,
    ],
    cwd: BENCH_DIR,
    // Production mode: JSON logs and production code paths in dependencies.
    env: { NODE_ENV: 'production', FORCE_COLOR: '0' },
    logFile: join(options.workDir, `${options.name}.log`),
    url: `http://127.0.0.1:${port}`,
    healthPath: '/.backstage/health/v1/readiness',
  });
  return { ...service, token };
}

function databaseConfig(kind: DatabaseKind, sqliteDir: string, name: string) {
  if (kind === 'postgres') {
    const url = process.env.FINOPS_TEST_POSTGRES_URL;
    if (!url) throw new Error('FINOPS_TEST_POSTGRES_URL is not set (run.sh)');
    // A database per backend, so (c) and (d) keep separate logs.
    return { client: 'pg', connection: url, prefix: `bench_${name}_` };
  }
  return {
    client: 'better-sqlite3',
    // `file`: one file per plugin, as the local default runs it.
    connection: kind === 'file' ? { directory: sqliteDir } : ':memory:',
  };
}
