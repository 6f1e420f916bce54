import { CliError } from '../lib/CliError';
import { ExitCode } from '../lib/exitCodes';
import { ActiveCredentials } from '../auth/activeCredentials';

/** What a failed call was about, for a message that says what to do. */
export interface FailureContext {
  portalUrl: string;
  credentials: ActiveCredentials['kind'];
  /** Said instead of the portal's message when it answers 404. */
  notFound?: string;
}

/** Backstage's error body: `{ "error": { "name", "message" } }`. */
export function messageOfErrorBody(body: unknown): string | undefined {
  const error = (body as { error?: { message?: unknown } } | undefined)?.error;
  return typeof error?.message === 'string' ? error.message : undefined;
}

/** Reads the message of a failed response, whatever its body. */
export async function messageOfResponse(
  response: Pick<Response, 'text' | 'statusText'>,
): Promise<string | undefined> {
  const text = await response.text().catch(() => '');
  try {
    return messageOfErrorBody(JSON.parse(text)) ?? response.statusText;
  } catch {
    return text.trim().split('\n')[0]?.slice(0, 200) || response.statusText;
  }
}

const SERVICE_NOT_ALLOWED = /does not allow 'service' credentials/;

/**
 * One status, one exit code, one line. The line names the fix: sign in,
 * ask for access, check the name, check the portal.
 */
export function errorForStatus(
  status: number,
  message: string | undefined,
  context: FailureContext,
): CliError {
  const said = message ? `: ${message}` : '';
  if (status === 401) {
    return new CliError(ExitCode.NotSignedIn, notSignedInMessage(context));
  }
  if (status === 403) {
    if (message && SERVICE_NOT_ALLOWED.test(message)) {
      return new CliError(
        ExitCode.PermissionDenied,
        'Permission denied: this action needs a person, not a service token: unset FINOPS_TOKEN and run finops login',
      );
    }
    return new CliError(
      ExitCode.PermissionDenied,
      `Permission denied${said || ': ask the owners of the portal for access'}`,
    );
  }
  if (status === 404) {
    return CliError.notFound(context.notFound ?? `Not found${said}`);
  }
  if (status === 400 || status === 422) {
    return CliError.usage(`Invalid input${said}`);
  }
  if (status === 409) {
    return CliError.failure(`Conflict${said}`);
  }
  if (status >= 500) {
    return new CliError(
      ExitCode.Unavailable,
      `The portal at ${context.portalUrl} is unavailable (${status})${said}`,
    );
  }
  return CliError.failure(`The portal refused the request (${status})${said}`);
}

export function notSignedInMessage(context: FailureContext): string {
  switch (context.credentials) {
    case 'env':
      return `The portal at ${context.portalUrl} rejected the token in FINOPS_TOKEN: check it, or unset it and run finops login`;
    case 'static':
      return `The portal at ${context.portalUrl} rejected the stored token: run finops login`;
    case 'user':
      return 'Your session expired: run finops login';
    default:
      return `Not signed in to ${context.portalUrl}: run finops login (or set FINOPS_TOKEN)`;
  }
}

/** Why fetch threw, in words: "connection refused", "timed out", ... */
export function describeNetworkError(error: unknown): string {
  const err = error as { name?: string; cause?: { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return 'timed out';
  }
  switch (err?.cause?.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'timed out';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return `TLS certificate problem: ${err.cause.code}`;
    default:
      return err?.cause?.code ?? 'no answer';
  }
}

export function portalUnreachable(portalUrl: string, error: unknown): CliError {
  return new CliError(
    ExitCode.Unavailable,
    `The portal at ${portalUrl} did not answer (${describeNetworkError(
      error,
    )}): is it running? Check --portal`,
  );
}
