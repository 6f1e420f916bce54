import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A real Prometheus or Alertmanager started for a test. */
export interface RunningService {
  baseUrl: string;
  stop(): Promise<void>;
}

const HELP =
  'run `source scripts/lib/observability.sh && finops_ensure_observability` (installs the Debian packages prometheus and prometheus-alertmanager)';

/**
 * The binary from `env` (FINOPS_PROMETHEUS, FINOPS_ALERTMANAGER) or PATH,
 * or undefined when the machine has none.
 */
export function findBinary(env: string, names: string[]): string | undefined {
  const fromEnv = process.env[env];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

export const prometheusBinary = () =>
  findBinary('FINOPS_PROMETHEUS', ['prometheus']);
export const alertmanagerBinary = () =>
  findBinary('FINOPS_ALERTMANAGER', [
    'prometheus-alertmanager',
    'alertmanager',
  ]);

/**
 * Whether the real binaries are here. In CI their absence is an error that
 * says how to install them; elsewhere the suites that need them skip.
 */
export function observabilityAvailable(): boolean {
  const missing = [
    prometheusBinary() ? undefined : 'prometheus',
    alertmanagerBinary() ? undefined : 'alertmanager',
  ].filter(Boolean);
  if (missing.length === 0) return true;
  const message = `${missing.join(' and ')} not found: ${HELP}`;
  if (process.env.CI) throw new Error(message);
  // eslint-disable-next-line no-console
  console.warn(`${message}; skipping the suites that need them`);
  return false;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`exited with ${child.exitCode}: ${log()}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`not ready after 30 s: ${log()}`);
}

async function start(options: {
  binary: string;
  args: (dir: string, port: number) => string[];
  files: Record<string, string>;
  readyPath: string;
  port?: number;
}): Promise<RunningService> {
  const dir = await mkdtemp(join(tmpdir(), 'finops-obs-'));
  for (const [name, content] of Object.entries(options.files)) {
    await writeFile(join(dir, name), content);
  }
  const port = options.port ?? (await freePort());
  const child = spawn(options.binary, options.args(dir, port), {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', chunk => {
    output = (output + chunk).slice(-4000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([
        exited,
        new Promise(resolve => setTimeout(resolve, 5000)),
      ]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(`${baseUrl}${options.readyPath}`, child, () => output);
  } catch (error) {
    await stop();
    throw new Error(`${options.binary} ${(error as Error).message}`);
  }
  return { baseUrl, stop };
}

/**
 * A real Prometheus scraping `targets` (host:port) every `scrapeInterval`,
 * on `port` if given (a restart on the same address), else a free one.
 */
export async function startPrometheus(options: {
  targets: string[];
  scrapeInterval?: string;
  port?: number;
}): Promise<RunningService> {
  const binary = prometheusBinary();
  if (!binary) throw new Error(`prometheus not found: ${HELP}`);
  const interval = options.scrapeInterval ?? '1s';
  return start({
    binary,
    files: {
      'prometheus.yml': [
        'global:',
        `  scrape_interval: ${interval}`,
        `  evaluation_interval: ${interval}`,
        'scrape_configs:',
        '  - job_name: exporter',
        `    scrape_interval: ${interval}`,
        '    static_configs:',
        `      - targets: [${options.targets.map(t => `'${t}'`).join(', ')}]`,
        '',
      ].join('\n'),
    },
    args: (dir, port) => [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    readyPath: '/-/ready',
    port: options.port,
  });
}

/** A real Alertmanager, alone (no cluster), routing to a null receiver. */
export async function startAlertmanager(): Promise<RunningService> {
  const binary = alertmanagerBinary();
  if (!binary) throw new Error(`alertmanager not found: ${HELP}`);
  return start({
    binary,
    files: {
      'alertmanager.yml': [
        'route:',
        '  receiver: nobody',
        '  group_wait: 0s',
        'receivers:',
        '  - name: nobody',
        '',
      ].join('\n'),
    },
    args: (dir, port) => [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    readyPath: '/-/ready',
  });
}

/** Posts alerts to Alertmanager's API v2, as Prometheus does. */
export async function postAlerts(
  baseUrl: string,
  alerts: Array<{
    labels: Record<string, string>;
    annotations?: Record<string, string>;
    generatorURL?: string;
  }>,
): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(
      alerts.map(a => ({
        ...a,
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      })),
    ),
  });
  if (!response.ok) {
    throw new Error(
      `posting alerts: ${response.status} ${await response.text()}`,
    );
  }
}

/** Creates a silence for an hour; returns its id. */
export async function postSilence(
  baseUrl: string,
  matchers: Array<{ name: string; value: string }>,
  comment: string,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v2/silences`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      matchers: matchers.map(m => ({ ...m, isRegex: false, isEqual: true })),
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      createdBy: 'e2e@finops.test',
      comment,
    }),
  });
  if (!response.ok) {
    throw new Error(
      `posting a silence: ${response.status} ${await response.text()}`,
    );
  }
  return (await response.json()).silenceID;
}
