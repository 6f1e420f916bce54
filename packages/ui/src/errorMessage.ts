import { ResponseError } from '@backstage/errors';

/**
 * The message to show a person: the server's own words when it refused
 * (e.g. "you cannot approve your own exception"), not "Request failed
 * with 403".
 */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.cause.message || error.message;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

/** Whether the backend refused because the user lacks a permission. */
export function isForbidden(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 403;
}
