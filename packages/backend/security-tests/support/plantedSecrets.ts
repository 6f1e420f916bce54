import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The planted-secret registry: a suite that gives a backend secrets (tokens,
 * the webhook secret, Vault's values, session keys) writes them into
 * `planted-secrets.json` in its state directory under `.local/`, with the
 * database dumps it took before dropping its databases. The leak scan of
 * the security suite reads every registry it finds and looks for each value
 * in everything the suites left behind; it never has to guess what was
 * secret.
 */
export const PLANTED_SECRETS_FILE = 'planted-secrets.json';

export interface PlantedSecret {
  /** What it is, for the report: never the value. */
  name: string;
  value: string;
}

export interface PlantedSecretRegistry {
  suite: string;
  secrets: PlantedSecret[];
  /** Files (relative to the registry) holding dumps of the suite's databases. */
  databaseDumps: string[];
  /** What the suite could not record (a dump that failed): the scan fails on it. */
  errors: string[];
}

/**
 * Shorter values, or values of very few distinct characters, match by
 * chance (a fuzzer's `0000…`), so they are not registered as secrets.
 */
const MIN_SECRET_LENGTH = 8;
const MIN_DISTINCT_CHARACTERS = 5;

export function isScannable(value: string): boolean {
  return (
    value.length >= MIN_SECRET_LENGTH &&
    new Set(value).size >= MIN_DISTINCT_CHARACTERS
  );
}

export async function writeRegistry(
  stateDir: string,
  registry: PlantedSecretRegistry,
): Promise<void> {
  const secrets = registry.secrets.filter(s => isScannable(s.value));
  await writeFile(
    join(stateDir, PLANTED_SECRETS_FILE),
    JSON.stringify({ ...registry, secrets }, null, 2),
    { mode: 0o600 },
  );
}

export async function readRegistry(
  file: string,
): Promise<PlantedSecretRegistry> {
  return JSON.parse(await readFile(file, 'utf8'));
}

/**
 * Every value stored in a KV version 2 mount of a Vault (every version of
 * every secret), read through Vault's own API with a token that may list
 * and read the mount.
 */
export async function vaultSecretValues(
  vault: { url: string; rootToken: string },
  mount = 'secret',
): Promise<PlantedSecret[]> {
  const call = async (method: string, path: string) => {
    const res = await fetch(`${vault.url}/v1/${mount}/${path}`, {
      method,
      headers: { 'X-Vault-Token': vault.rootToken },
    });
    if (res.status === 404) return undefined;
    if (!res.ok)
      throw new Error(`Vault ${method} ${mount}/${path}: ${res.status}`);
    return (await res.json()) as any;
  };
  const found: PlantedSecret[] = [];
  const walk = async (folder: string): Promise<void> => {
    // GET with list=true: Vault's documented alternative to the LIST verb.
    const listing = await call('GET', `metadata/${folder}?list=true`);
    for (const key of (listing?.data?.keys ?? []) as string[]) {
      if (key.endsWith('/')) {
        await walk(`${folder}${key}`);
        continue;
      }
      const path = `${folder}${key}`;
      const metadata = await call('GET', `metadata/${path}`);
      for (const version of Object.keys(metadata?.data?.versions ?? {})) {
        const secret = await call('GET', `data/${path}?version=${version}`);
        for (const [field, value] of Object.entries(secret?.data?.data ?? {})) {
          if (typeof value === 'string') {
            found.push({ name: `Vault ${mount}/${path}#${field}`, value });
          }
        }
      }
    }
  };
  await walk('');
  return found;
}

/**
 * `pg_dump` of one database into a file (plain SQL: the scan reads it as
 * text). FINOPS_PG_DUMP names the binary when it is not on PATH.
 */
export async function dumpPostgres(url: string, file: string): Promise<void> {
  const child = spawn(
    process.env.FINOPS_PG_DUMP ?? 'pg_dump',
    ['--no-owner', '--no-privileges', url],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out = createWriteStream(file, { mode: 0o600 });
  child.stdout.pipe(out);
  let stderr = '';
  child.stderr.on('data', d => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  await new Promise(r => out.close(r));
  if (code !== 0) {
    throw new Error(`pg_dump exited with ${code}: ${stderr.trim()}`);
  }
}

/**
 * What a suite calls before it stops its Vaults and drops its database:
 * collects the Vaults' values, dumps the database, and writes the registry.
 * Never throws: what failed is written into the registry, and the leak scan
 * fails on it.
 */
export async function recordPlantedSecrets(options: {
  suite: string;
  stateDir: string;
  secrets: PlantedSecret[];
  vaults: Array<{ url: string; rootToken: string }>;
  databases: Array<{ name: string; url: string }>;
}): Promise<void> {
  const registry: PlantedSecretRegistry = {
    suite: options.suite,
    secrets: [...options.secrets],
    databaseDumps: [],
    errors: [],
  };
  for (const [index, vault] of options.vaults.entries()) {
    registry.secrets.push({
      name: `Vault root token #${index + 1}`,
      value: vault.rootToken,
    });
    try {
      registry.secrets.push(...(await vaultSecretValues(vault)));
    } catch (error) {
      registry.errors.push(`reading Vault #${index + 1}: ${error}`);
    }
  }
  for (const database of options.databases) {
    const file = `${database.name}.dump.sql`;
    try {
      await dumpPostgres(database.url, join(options.stateDir, file));
      registry.databaseDumps.push(file);
    } catch (error) {
      registry.errors.push(`dumping database ${database.name}: ${error}`);
    }
  }
  await writeRegistry(options.stateDir, registry);
}
