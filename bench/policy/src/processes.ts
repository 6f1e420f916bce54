/*
 * Child processes of the benchmark (the OPA server and the two backends):
 * started with their output going straight to a log file (not through this
 * process, which also generates the load and must not spend CPU relaying
 * logs), waited for on a health URL, and stopped by the pid we started.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';

/** A cold backend start on two noisy cores transpiles TypeScript on the fly. */
const READY_TIMEOUT_MS = 120_000;
/** Backstage shuts down gracefully on SIGTERM (and writes a CPU profile). */
const STOP_TIMEOUT_MS = 15_000;

export interface ChildService {
  name: string;
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills what is still running when the driver dies or is interrupted. */
export function killAllOnExit() {
  const killAll = () => running.forEach(child => child.kill('SIGKILL'));
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise(r => server.close(r));
  return port;
}

export async function startService(options: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  logFile: string;
  url: string;
  healthPath: string;
}): Promise<ChildService> {
  const log = openSync(options.logFile, 'w');
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  running.add(child);
  child.once('exit', () => running.delete(child));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.name} exited early; see ${options.logFile}`);
    }
    try {
      const res = await fetch(`${options.url}${options.healthPath}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} not ready; see ${options.logFile}`);
    }
    await new Promise(r => setTimeout(r, 250));
  }
  return {
    name: options.name,
    url: options.url,
    logFile: options.logFile,
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(r => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
