/*
 * What the backend talks to besides PostgreSQL: the Node servers of
 * servers.ts in a child process (Vault-API test server, metrics exporter,
 * trivial server), and the real Prometheus (scraping the exporter every
 * second) and Alertmanager of the Debian packages, started as the health
 * backend's tests start them. Every tenth component has a warning alert
 * firing, so its health summary says so.
 */
import {
  postAlerts,
  RunningService,
  startAlertmanager,
  startPrometheus,
} from '@finops/plugin-health-backend/testUtils';
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { BenchEntity, entityName } from './catalog';

/** What servers.ts prints when its servers listen. */
export interface Servers {
  vault: { url: string; rootToken: string };
  exporterTarget: string;
  trivialUrl: string;
}

const BENCH_DIR = resolve(__dirname, '..');
const NODE_TRANSFORM = require.resolve(
  '@backstage/cli-node/config/nodeTransform.cjs',
);
const READY_TIMEOUT_MS = 120_000;

export interface Fixtures {
  servers: Servers;
  prometheus: RunningService;
  alertmanager: RunningService;
  /** Strings only the command lines of these processes hold (for /proc). */
  markers: string[];
  stop(): Promise<void>;
}

export async function startFixtures(options: {
  entities: BenchEntity[];
  workDir: string;
}): Promise<Fixtures> {
  const log = openSync(join(options.workDir, 'servers.log'), 'w');
  const serversMarker = `--bench-load-servers=${options.workDir}`;
  const child = spawn(
    process.execPath,
    ['--require', NODE_TRANSFORM, 'src/servers.ts', serversMarker],
    {
      cwd: BENCH_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BENCH_LOAD_ENTITY_COUNT: String(options.entities.length),
      },
      stdio: ['ignore', 'pipe', log],
    },
  );
  closeSync(log);
  const stopChild = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise(r => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  let servers: Servers;
  try {
    servers = await firstLine(child.stdout!, () => child.exitCode !== null);
  } catch (error) {
    await stopChild();
    throw new Error(
      `the servers did not start (${(error as Error).message}); see ${join(
        options.workDir,
        'servers.log',
      )}`,
    );
  }
  const started: RunningService[] = [];
  try {
    started.push(await startPrometheus({ targets: [servers.exporterTarget] }));
    started.push(await startAlertmanager());
  } catch (error) {
    await Promise.all(started.map(s => s.stop()));
    await stopChild();
    throw error;
  }
  const [prometheus, alertmanager] = started;
  await postAlerts(
    alertmanager.baseUrl,
    options.entities
      .filter(e => e.index % 10 === 0)
      .map(e => ({
        labels: {
          alertname: 'BenchQueueBacklog',
          service: entityName(e.index),
          severity: 'warning',
        },
        annotations: { summary: 'Work is waiting more than 10 minutes' },
      })),
  );
  return {
    servers,
    prometheus,
    alertmanager,
    markers: [
      serversMarker,
      // Their --web.listen-address.
      ...[prometheus, alertmanager].map(s => new URL(s.baseUrl).host),
    ],
    async stop() {
      await Promise.all([prometheus.stop(), alertmanager.stop()]);
      await stopChild();
    },
  };
}

async function firstLine(
  stream: NodeJS.ReadableStream,
  exited: () => boolean,
): Promise<Servers> {
  const lines = createInterface({ input: stream });
  const timeout = setTimeout(() => lines.close(), READY_TIMEOUT_MS);
  try {
    for await (const line of lines) {
      return JSON.parse(line) as Servers;
    }
  } finally {
    clearTimeout(timeout);
  }
  throw new Error(exited() ? 'it exited' : 'no answer in time');
}
