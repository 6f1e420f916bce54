import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const MIGRATIONS_DIR = resolvePackagePath(
  '@finops/plugin-policy-backend',
  'migrations',
);

/** The plugin's database, migrated unless `migrations.skip` is set. */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  await tuneLocalSqlite(client);
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: MIGRATIONS_DIR });
  }
  return client;
}

/**
 * The local default keeps each plugin in a SQLite file, and better-sqlite3
 * writes on the event loop: with SQLite's defaults every decision-log write
 * waits for a disk sync. Write-ahead logging with `synchronous=NORMAL`
 * syncs at checkpoints instead (a power cut may lose the last writes, never
 * corrupt the file), which is right for a developer's machine. Production
 * runs PostgreSQL and is untouched.
 */
async function tuneLocalSqlite(client: Knex): Promise<void> {
  const { client: driver, connection } = client.client.config as {
    client?: string;
    connection?: { filename?: string } | string;
  };
  const filename =
    typeof connection === 'string' ? connection : connection?.filename;
  if (driver !== 'better-sqlite3' || !filename || filename === ':memory:') {
    return;
  }
  await client.raw('PRAGMA journal_mode = WAL');
  await client.raw('PRAGMA synchronous = NORMAL');
}
