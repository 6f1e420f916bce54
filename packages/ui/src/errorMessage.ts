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

/**
 * Whether something the backend depends on did not answer (503). Requests
 * fail closed then, so trying again later is worth it.
 */
export function isUnavailable(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 503;
}

/**
 * The server's words followed by a sentence of ours, as one description:
 * "Vault is sealed. Nothing was done: try again in a moment."
 */
export function errorMessageWith(error: unknown, sentence: string): string {
  return `${errorMessage(error).replace(/\.$/, '')}. ${sentence}`;
}
