import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { AddressInfo, createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** Where the backend package lives; catalog file locations resolve from here. */
const BACKEND_DIR = resolve(__dirname, '../..');
const REPO_ROOT = resolve(BACKEND_DIR, '../..');

/** A cold start on two cores compiles every plugin; give it time. */
const READY_TIMEOUT_MS = 180_000;

export interface RunningBackend {
  url: string;
  logFile: string;
  /** The backend's process id (fault tests kill it outright). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * What every suite that starts the real backend configures alike: its own
 * URL and port, the database, a static external-access token, a Vault-API
 * test server, the GitHub webhook secret and where TechDocs publishes.
 * Suites add their own top-level sections (auth, health, pipelines...).
 */
export function testBackendConfig(options: {
  port: number;
  database: object;
  serviceToken: string;
  /** The token's subject, as the decision log and audit records show it. */
  subject: string;
  vault: { url: string; rootToken: string };
  webhookSecret: string;
  techdocsDir: string;
}) {
  const baseUrl = `http://localhost:${options.port}`;
  return {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { port: options.port },
      cors: { origin: baseUrl },
      database: options.database,
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: options.serviceToken, subject: options.subject },
          },
        ],
      },
    },
    secrets: {
      vault: {
        instances: [
          {
            name: 'main',
            baseUrl: options.vault.url,
            uiUrl: 'https://vault.example.com',
            auth: { type: 'token', token: options.vault.rootToken },
          },
        ],
      },
    },
    // GitHub's webhook ingress, with deliveries signed as GitHub signs them.
    events: { modules: { github: { webhookSecret: options.webhookSecret } } },
    techdocs: {
      publisher: { local: { publishDirectory: options.techdocsDir } },
    },
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise(r => server.close(r));
  return port;
}

/**
 * Starts the real backend (packages/backend/src/index.ts, transpiled on the
 * fly the way `backstage-cli package start` does it, without the watcher)
 * with app-config.yaml plus an override, and waits until it is ready.
 */
export async function startBackend(options: {
  name: string;
  stateDir: string;
  port: number;
  configOverride: object;
  /** Merged over the defaults below, e.g. NODE_ENV=production for benchmarks. */
  env?: NodeJS.ProcessEnv;
}): Promise<RunningBackend> {
  const { name, stateDir, port } = options;
  const overridePath = join(stateDir, `${name}.app-config.json`);
  await writeFile(overridePath, JSON.stringify(options.configOverride));
  const logFile = join(stateDir, `${name}.log`);
  const log = createWriteStream(logFile);

  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
        paths: [BACKEND_DIR],
      }),
      'src/index.ts',
      '--config',
      join(REPO_ROOT, 'app-config.yaml'),
      '--config',
      overridePath,
    ],
    {
      cwd: BACKEND_DIR,
      // The local default under test: guest sign-in needs development mode.
      env: {
        ...process.env,
        NODE_ENV: 'development',
        FORCE_COLOR: '0',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);

  const url = `http://localhost:${port}`;
  await waitUntilReady(url, child, logFile);
  return {
    url,
    logFile,
    pid: child.pid!,
    stop: () => stopProcess(child),
  };
}

async function waitUntilReady(url: string, child: ChildProcess, log: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`backend exited with ${child.exitCode}; see ${log}`);
    }
    try {
      const res = await fetch(`${url}/.backstage/health/v1/readiness`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error(`backend not ready after ${READY_TIMEOUT_MS} ms; see ${log}`);
}

async function stopProcess(child: ChildProcess) {
  // Exited already: by itself (exitCode) or killed by a signal (signalCode).
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(r => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
