import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../../e2e-tests/support/backendProcess';

const run = promisify(execFile);

/** The installed PostgreSQL binaries (pg_config, else Debian's layout). */
export function postgresBinDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(
      execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim(),
    );
  } catch {
    // no pg_config: look where Debian puts them
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    candidates.push(
      ...readdirSync(debian)
        .sort((a, b) => Number(b) - Number(a))
        .map(version => join(debian, version, 'bin')),
    );
  }
  const found = candidates.find(dir => existsSync(join(dir, 'initdb')));
  if (!found) {
    throw new Error(
      'No PostgreSQL binaries (initdb): run through scripts/test.sh',
    );
  }
  return found;
}

/**
 * A PostgreSQL cluster of this run alone (the suite's shared server must
 * keep running for everyone else while these tests stop and start theirs),
 * as scripts/lib/postgres.sh starts one: a temp directory, a free port,
 * trust authentication on 127.0.0.1. Root cannot run initdb, so as root
 * the cluster belongs to `postgres`.
 */
export class PrivatePostgres {
  readonly port: number;
  readonly binDir: string;
  readonly #dir: string;

  static async start(): Promise<PrivatePostgres> {
    const binDir = postgresBinDir();
    const dir = await mkdtemp(join(tmpdir(), 'finops-hardening-pg-'));
    const cluster = new PrivatePostgres(binDir, dir, await freePort());
    if (process.getuid?.() === 0) await chown(dir, ...postgresUser());
    await cluster.#pg('initdb', [
      '-D',
      join(dir, 'data'),
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    await cluster.startServer();
    return cluster;
  }

  private constructor(binDir: string, dir: string, port: number) {
    this.binDir = binDir;
    this.#dir = dir;
    this.port = port;
  }

  /** A libpq URL of one database of this cluster. */
  url(database = 'postgres'): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** The libpq environment the backup scripts read (PGHOST, PGPORT, …). */
  get libpqEnv(): Record<string, string> {
    return {
      PGHOST: '127.0.0.1',
      PGPORT: String(this.port),
      PGUSER: 'postgres',
      FINOPS_PG_BIN: this.binDir,
    };
  }

  /** Starts the server (again), on the same port and data. */
  async startServer(): Promise<void> {
    await this.#pg('pg_ctl', [
      '-D',
      join(this.#dir, 'data'),
      '-w',
      '-t',
      '60',
      '-l',
      join(this.#dir, 'server.log'),
      '-o',
      `-p ${this.port} -k ${
        this.#dir
      } -c listen_addresses=127.0.0.1 -c max_connections=400`,
      'start',
    ]);
  }

  /** Stops the server: `fast` ends every session, as an outage would. */
  async stopServer(): Promise<void> {
    await this.#pg('pg_ctl', [
      '-D',
      join(this.#dir, 'data'),
      '-m',
      'fast',
      '-w',
      'stop',
    ]);
  }

  async createDatabase(name: string): Promise<string> {
    await this.query(`CREATE DATABASE ${name}`);
    return this.url(name);
  }

  async query(sql: string, database = 'postgres') {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  }

  async destroy(): Promise<void> {
    await this.#pg('pg_ctl', [
      '-D',
      join(this.#dir, 'data'),
      '-m',
      'immediate',
      'stop',
    ]).catch(() => undefined);
    await rm(this.#dir, { recursive: true, force: true });
  }

  async #pg(binary: string, args: string[]): Promise<void> {
    const command = join(this.binDir, binary);
    const asPostgres = process.getuid?.() === 0;
    await run(
      asPostgres ? 'runuser' : command,
      asPostgres ? ['-u', 'postgres', '--', command, ...args] : args,
    );
  }
}

function postgresUser(): [number, number] {
  const uid = Number(
    execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }),
  );
  const gid = Number(
    execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }),
  );
  return [uid, gid];
}
