import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/**
 * A plugin's database with the migrations of its package's `migrations/`
 * folder applied, unless `migrations.skip` is set.
 */
export async function migrateDatabase(
  database: DatabaseService,
  packageName: string,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({
      directory: resolvePackagePath(packageName, 'migrations'),
    });
  }
  return client;
}
