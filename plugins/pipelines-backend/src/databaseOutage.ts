import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/** Node's socket errors when the database server is down or went away. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
]);
/**
 * PostgreSQL's SQLSTATEs for a connection that failed or a server shutting
 * down (class 08, and 57P01-57P03).
 */
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[123])$/;
/** What pg and knex say when a connection drops or none can be had. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'not queryable',
  'Timeout acquiring a connection',
];

/** Whether an error says the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string') {
    if (CONNECTION_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)) {
      return true;
    }
  }
  return (
    error.name === 'KnexTimeoutError' ||
    UNAVAILABLE_MESSAGES.some(text => error.message.includes(text))
  );
}

/**
 * The router's last error handler: a request that failed because the
 * database is down answers 503 with a message that says so (the caller
 * may try again), instead of a 500 carrying the driver's error, with the
 * database's address in it. Not even as the cause: Backstage serializes a
 * cause into the response. The driver logs the failed connection itself.
 */
export const databaseOutageAs503: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  if (isDatabaseUnavailable(error)) {
    next(
      new ServiceUnavailableError(
        'The pipelines database is unavailable; try again shortly',
      ),
    );
    return;
  }
  next(error);
};
