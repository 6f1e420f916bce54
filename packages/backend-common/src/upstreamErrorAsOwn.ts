import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/** The errors a refusal from another plugin becomes, by its status. */
const BY_STATUS: Record<number, new (message: string) => Error> = {
  400: InputError,
  403: NotAllowedError,
  404: NotFoundError,
  409: ConflictError,
  503: ServiceUnavailableError,
};

/**
 * The first error in a chain of `cause`s that is not another plugin's
 * "Request failed with …": what actually went wrong, wherever it happened.
 */
function rootCause(error: ResponseError): { name: string; message: string } {
  const seen = new Set<unknown>();
  let node: unknown = error;
  while (
    node &&
    typeof node === 'object' &&
    !seen.has(node) &&
    (node as Error).name === 'ResponseError' &&
    (node as { cause?: unknown }).cause
  ) {
    seen.add(node);
    node = (node as { cause?: unknown }).cause;
  }
  const { name, message } = (node ?? {}) as Partial<Error>;
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' && message ? message : error.message,
  };
}

/**
 * A router's error handler, after its routes: when a call to another
 * plugin (the catalog, the permission backend) was refused, the answer
 * keeps that status and gives the reason ("Permission … could not be
 * decided: OPA … did not answer") instead of "Request failed with 503
 * Service Unavailable", which is all a ResponseError says of itself.
 */
export const upstreamErrorAsOwn: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  if (!ResponseError.is(error)) {
    next(error);
    return;
  }
  const Kind = BY_STATUS[error.statusCode];
  const cause = rootCause(error);
  if (!Kind || cause.message === error.message) {
    next(error);
    return;
  }
  next(new Kind(cause.message));
};
