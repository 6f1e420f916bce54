import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migrateDatabase } from '@finops/backend-common';

/** The store tests' databases: SQLite, and the real PostgreSQL of test.sh. */
export const storeDatabases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
});

/** A fresh database of this kind with the plugin's migrations applied. */
export async function migratedDatabase(id: TestDatabaseId): Promise<Knex> {
  const knex = await storeDatabases.init(id);
  return migrateDatabase(
    {
      getClient: async () => knex,
      migrations: { skip: false },
    },
    '@finops/plugin-pipelines-backend',
  );
}
