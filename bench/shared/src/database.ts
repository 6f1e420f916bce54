/** The benchmark run's own PostgreSQL database, created and dropped. */
import knexFactory from 'knex';

export async function createDatabase(postgresUrl: string, database: string) {
  const admin = knexFactory({ client: 'pg', connection: postgresUrl });
  try {
    await admin.raw('create database ??', [database]);
  } finally {
    await admin.destroy();
  }
}

/** Drops it even while connections remain; a failure is only logged. */
export async function dropDatabase(
  postgresUrl: string,
  database: string,
  log: (message: string) => void,
) {
  const admin = knexFactory({ client: 'pg', connection: postgresUrl });
  try {
    await admin.raw('drop database if exists ?? with (force)', [database]);
  } catch (error) {
    log(`could not drop the database ${database}: ${error}`);
  } finally {
    await admin.destroy();
  }
}
