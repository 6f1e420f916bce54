import { test, expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { outputFiles, registryFiles, scanForSecrets } from './support/leakScan';
import {
  dumpPostgres,
  PlantedSecret,
  readRegistry,
} from './support/plantedSecrets';
import {
  LOCAL_DIR,
  readSecurityState,
  SECURITY_STATE_DIR,
} from './support/state';

/**
 * Secrets hygiene of the whole platform, after the other suites: every
 * value planted by a suite (its planted-secrets.json registry) is looked
 * for in everything the suites left under .local/: backend logs, recorded
 * HTTP responses, schemathesis's reports, database dumps taken before the
 * databases were dropped (scaffolder task logs are rows there) and SQLite
 * databases. The first test shows that the scan finds a planted leak.
 */

test('the scan finds a planted secret in a log, a response, a dump and a SQLite row', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'leak-scan-'));
  try {
    const secret: PlantedSecret = {
      name: 'self-test token',
      // '/' and '+': its URL-encoded form differs from the raw one.
      value: `leak/${Math.random().toString(36).slice(2)}+Zq9`,
    };
    const long = `${'x'.repeat(9000)}${secret.value}${'y'.repeat(9000)}`;
    await writeFile(
      join(dir, 'backend.log'),
      `{"level":"info","message":"calling Vault","token":"${secret.value}"}\n`,
    );
    await writeFile(
      join(dir, 'responses.ndjson'),
      `{"status":200,"body":"${Buffer.from(secret.value).toString(
        'base64',
      )}"}\n`,
    );
    await writeFile(
      join(dir, 'db.dump.sql'),
      `COPY scaffolder.task_events (body) FROM stdin;\n{"message":"${encodeURIComponent(
        secret.value,
      )}"}\n`,
    );
    const db = new Database(join(dir, 'plugin.sqlite'));
    db.exec('CREATE TABLE task_events (body TEXT)');
    db.prepare('INSERT INTO task_events VALUES (?)').run(long);
    db.close();
    await writeFile(join(dir, 'clean.log'), 'nothing to see here\n');
    // Inputs are not outputs: the configuration holds the secret by design.
    await writeFile(
      join(dir, 'backend.app-config.json'),
      JSON.stringify({ token: secret.value }),
    );

    const files = await outputFiles([dir]);
    const result = await scanForSecrets(files, [secret], dir);
    const found: Record<string, string[]> = {};
    for (const leak of result.leaks) {
      (found[leak.file] ??= []).push(leak.encoding);
    }
    expect(Object.keys(found).sort((a, b) => a.localeCompare(b))).toEqual([
      'backend.log',
      'db.dump.sql',
      'plugin.sqlite',
      'responses.ndjson',
    ]);
    expect(found['backend.log']).toContain('as written');
    expect(found['db.dump.sql']).toEqual(['URL-encoded']);
    expect(found['plugin.sqlite']).toContain(
      'as written, in table task_events',
    );
    expect(found['responses.ndjson']).toContain('base64');
    expect(result.filesScanned).toBe(5);
    expect(result.sqliteDatabases).toBe(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('no planted secret appears in any log, response, task log or database', async ({}, testInfo) => {
  // This suite's own database, dumped while its backend still runs.
  await dumpPostgres(
    readSecurityState().databaseUrl,
    join(SECURITY_STATE_DIR, 'postgres.dump.sql'),
  );

  const registries = await Promise.all(
    (
      await registryFiles([LOCAL_DIR])
    ).map(async f => ({
      dir: dirname(f),
      ...(await readRegistry(f)),
    })),
  );
  const suites = registries.map(r => r.suite);
  expect(suites).toContain('security');
  // In the test command the end-to-end suite ran first, and its backends'
  // logs, responses and databases are scanned too.
  if (process.env.CI) expect(suites).toContain('e2e');

  // A registry's dump that failed or is missing would hide its database.
  for (const registry of registries) {
    expect({ suite: registry.suite, errors: registry.errors }).toEqual({
      suite: registry.suite,
      errors: [],
    });
    for (const dump of registry.databaseDumps) {
      expect(existsSync(join(registry.dir, dump)), `${dump}`).toBe(true);
    }
  }

  const secrets = registries.flatMap(r =>
    r.secrets.map(s => ({ ...s, name: `${r.suite}: ${s.name}` })),
  );
  const files = await outputFiles([LOCAL_DIR]);
  const result = await scanForSecrets(files, secrets, LOCAL_DIR);
  const dumps = files.filter(f => f.endsWith('.dump.sql'));
  const taskEventRows = (
    await Promise.all(dumps.map(f => readFile(f, 'utf8')))
  ).reduce((n, text) => n + countCopyRows(text, 'task_events'), 0);
  const summary =
    `${secrets.length} planted secrets from ${suites.join(', ')}; ` +
    `${result.filesScanned} files (${(result.bytesScanned / 1e6).toFixed(
      1,
    )} MB): ${files.filter(f => f.endsWith('.log')).length} logs, ` +
    `${dumps.length} PostgreSQL dumps (${taskEventRows} scaffolder task log rows), ` +
    `${result.sqliteDatabases} SQLite databases`;
  testInfo.annotations.push({ type: 'leak scan', description: summary });
  console.log(`leak scan: ${summary}`);
  console.log(
    `scanned: ${files
      .map(f => relative(LOCAL_DIR, f))
      .filter(f => /\.(log|sql|ndjson|sqlite)$/.test(f))
      .join(', ')}`,
  );
  expect(result.leaks).toEqual([]);
});

/** Rows of a table in a plain pg_dump (its COPY block). */
function countCopyRows(dump: string, table: string): number {
  let rows = 0;
  const pattern = new RegExp(`^COPY [\\w.]*\\b${table} .* FROM stdin;$`, 'gm');
  for (const match of dump.matchAll(pattern)) {
    const end = dump.indexOf('\n\\.\n', match.index);
    const block = dump.slice(match.index + match[0].length + 1, end);
    rows += block ? block.split('\n').length : 0;
  }
  return rows;
}
