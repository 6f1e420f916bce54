import { InputError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/**
 * PostgreSQL's SQLSTATE 22021 (character_not_in_repertoire): a text value
 * the database cannot store, which from a request means a NUL character
 * (`%00`, `\u0000`). SQLite stores it; PostgreSQL refuses the statement,
 * so nothing was written.
 */
const CHARACTER_NOT_IN_REPERTOIRE = '22021';

/**
 * A router's error handler, after its routes: a request whose text the
 * database refused is the caller's mistake, 400, not a 500 (found by the
 * security suite's fuzzer with a NUL in a query parameter).
 */
export const invalidTextAs400: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  if ((error as { code?: unknown })?.code === CHARACTER_NOT_IN_REPERTOIRE) {
    next(
      new InputError(
        'The request holds a character that cannot be stored (NUL)',
      ),
    );
    return;
  }
  next(error);
};
