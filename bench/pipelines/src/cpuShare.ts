/*
 * Who used the two cores during a step, from /proc (Linux): the backend,
 * this run's PostgreSQL (the postmaster and its children), this driver,
 * and everything else on the machine. The machine is shared: "others"
 * says whether a step's figures were measured on a quiet machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Cores busy on average over a step, by whom. */
export interface CpuShare {
  backend: number;
  postgres: number;
  driver: number;
  /** The processes named by `serverMarkers` (bench/load: Vault, Prometheus…), if any. */
  servers?: number;
  others: number;
}

interface Sample {
  at: bigint;
  machine: number;
  backend: number;
  postgres: number;
  driver: number;
  servers: number;
}

const TICKS_PER_SECOND = 100;

export class CpuMonitor {
  readonly #backendPid: number | undefined;
  readonly #postmasterPid: number | undefined;
  readonly #serverPids: number[];

  /**
   * `backendMarker`: a string only the backend's command line holds;
   * `dataDirectory`: PostgreSQL's (`show data_directory`), where
   * postmaster.pid names the server's process; `serverMarkers`: strings
   * each only one other process of the run holds (counted as `servers`).
   */
  static create(
    backendMarker: string,
    dataDirectory?: string,
    serverMarkers: string[] = [],
  ): CpuMonitor {
    return new CpuMonitor(backendMarker, dataDirectory, serverMarkers);
  }

  private constructor(
    backendMarker: string,
    dataDirectory: string | undefined,
    serverMarkers: string[],
  ) {
    const all = pids().filter(pid => pid !== process.pid);
    const cmdline = (pid: number) => read(`/proc/${pid}/cmdline`);
    this.#backendPid = all.find(pid => cmdline(pid)?.includes(backendMarker));
    this.#serverPids = all.filter(
      pid =>
        pid !== this.#backendPid &&
        serverMarkers.some(marker => cmdline(pid)?.includes(marker)),
    );
    const postmaster = dataDirectory
      ? read(join(dataDirectory, 'postmaster.pid'))?.split('\n')[0]
      : undefined;
    this.#postmasterPid = postmaster ? Number(postmaster) : undefined;
  }

  get available(): boolean {
    return this.#backendPid !== undefined;
  }

  sample(): Sample {
    const postgres = this.#postmasterPid
      ? [
          this.#postmasterPid,
          ...pids().filter(p => parentOf(p) === this.#postmasterPid),
        ]
      : [];
    return {
      at: process.hrtime.bigint(),
      machine: machineBusyTicks(),
      backend: this.#backendPid ? processTicks(this.#backendPid) : 0,
      postgres: postgres.reduce((n, pid) => n + processTicks(pid), 0),
      driver: processTicks(process.pid),
      servers: this.#serverPids.reduce((n, pid) => n + processTicks(pid), 0),
    };
  }

  /**
   * Cores used between two samples. PostgreSQL's connection processes
   * that ended in between are missed, and so counted as others.
   */
  static share(before: Sample, after: Sample): CpuShare {
    const seconds = Number(after.at - before.at) / 1e9;
    const cores = (ticks: number) => ticks / TICKS_PER_SECOND / seconds;
    const backend = cores(after.backend - before.backend);
    const postgres = cores(Math.max(0, after.postgres - before.postgres));
    const driver = cores(after.driver - before.driver);
    const servers = cores(after.servers - before.servers);
    const machine = cores(after.machine - before.machine);
    return {
      backend,
      postgres,
      driver,
      ...(servers > 0 && { servers }),
      others: Math.max(0, machine - backend - postgres - driver - servers),
    };
  }
}

function pids(): number[] {
  return readdirSync('/proc')
    .filter(name => /^\d+$/.test(name))
    .map(Number);
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // gone, or not ours to read
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(pid: number): string[] | undefined {
  const stat = read(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function parentOf(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : undefined;
}

/** utime + stime, in clock ticks. */
function processTicks(pid: number): number {
  const fields = statFields(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : 0;
}

/** Busy ticks of all CPUs: everything but idle and iowait. */
function machineBusyTicks(): number {
  const line = read('/proc/stat')?.split('\n')[0] ?? '';
  const [user, nice, system, , , irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return user + nice + system + irq + softirq + (steal ?? 0);
}
