import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/** Vault's answer to a stale `options.cas` of a KV version 2 write. */
export const CAS_MISMATCH =
  'check-and-set parameter did not match the current version';
const SEALED = 'Vault is sealed';
const MAX_DETAIL = 300;
const REDACTED = '[redacted]';
const WITHHELD =
  "Vault's message withheld: the request carried secret material";
/**
 * Credentials shorter than this are not redacted: they could not be told
 * from ordinary words, and no Vault token, secret id or JWT is that short.
 */
const MIN_REDACTED_LENGTH = 4;

/**
 * Vault's own messages that never repeat what the request carried. For a
 * request with secret material (a KV write, a login, a wrap) only these are
 * passed on: other messages may quote input (older Vaults quoted role ids,
 * field parsers quote the value they could not convert).
 */
const KNOWN_MESSAGES = [
  /^permission denied$/,
  /^check-and-set parameter (did not match the current version|required for this call)$/,
  /^Vault is sealed$/,
  /^invalid role or secret ID$/i,
  /^invalid (role|secret) id$/i,
  /^(service account name|namespace) not authorized$/,
  /^invalid role name "[\w.@-]*"$/,
  /^lease is not renewable$/,
  /^no data provided$/,
];

/** What a message about a request may say about it: never its body. */
export interface VaultCall {
  instance: string;
  method: string;
  /** The API path after /v1/, e.g. secret/data/payments/db. */
  path: string;
  /** The body carries secret material: only known messages are kept. */
  sensitive?: boolean;
  /** A login: a refusal means the portal's credentials are wrong. */
  login?: boolean;
  /** Tokens and credentials to blank out of anything Vault says. */
  secrets: string[];
}

/**
 * Vault's `{"errors": [...]}` strings, with its multi-error wrapping
 * ("1 error occurred:\n\t* permission denied\n\n") taken apart.
 */
export function vaultMessages(body: unknown): string[] {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) {
    return [];
  }
  return errors
    .filter((e): e is string => typeof e === 'string')
    .flatMap(e => e.split('\n'))
    .map(line => line.trim().replace(/^\* /, ''))
    .filter(line => line && !/^\d+ errors? occurred:$/.test(line));
}

export function isSealed(status: number, messages: string[]): boolean {
  return status === 503 && messages.includes(SEALED);
}

/** Worth asking again (if the request is idempotent): Vault may recover. */
export function isRetryable(status: number, messages: string[]): boolean {
  return (
    status === 429 ||
    status === 500 ||
    status === 502 ||
    status === 504 ||
    (status === 503 && !isSealed(status, messages))
  );
}

/** A 403 that a fresh token may cure: Vault says the same for both. */
export function isPermissionDenied(error: unknown): boolean {
  return (
    error instanceof NotAllowedError &&
    (error as { vaultStatus?: number }).vaultStatus === 403
  );
}

/** The error for Vault's answer; the message names the call, not its body. */
export function errorForStatus(
  call: VaultCall,
  status: number,
  messages: string[],
): Error {
  const { instance, method, path } = call;
  const detail = describe(messages, call);
  const what = `${method} ${path}`;
  let error: Error;
  if (isSealed(status, messages)) {
    error = new ServiceUnavailableError(
      `Vault ${instance} is sealed (${what})`,
    );
  } else if (call.login && (status === 400 || status === 403)) {
    error = new NotAllowedError(
      `Vault ${instance} refused the portal's login at ${path}: ${detail}`,
    );
  } else if (status === 412 || messages.includes(CAS_MISMATCH)) {
    error = new ConflictError(
      `Vault ${instance} refused ${what}, the secret changed meanwhile: ${detail}`,
    );
  } else if (status === 403 || status === 401) {
    error = new NotAllowedError(`Vault ${instance} denied ${what}: ${detail}`);
  } else if (status === 404) {
    error = new NotFoundError(
      `Vault ${instance} has nothing at ${path}${
        messages.length ? `: ${detail}` : ''
      }`,
    );
  } else if (status === 429) {
    error = new ServiceUnavailableError(
      `Vault ${instance} is turning requests away (429 to ${what}): ${detail}`,
    );
  } else if (status >= 400 && status < 500) {
    error = new InputError(
      `Vault ${instance} rejected ${what} (${status}): ${detail}`,
    );
  } else {
    error = new ServiceUnavailableError(
      `Vault ${instance} failed ${what} (${status}): ${detail}`,
    );
  }
  Object.defineProperty(error, 'vaultStatus', { value: status });
  return error;
}

/** Vault did not answer at all. */
export function noAnswer(
  call: Pick<VaultCall, 'instance' | 'method' | 'path'>,
  reason: string,
): ServiceUnavailableError {
  return new ServiceUnavailableError(
    `Vault ${call.instance} did not answer ${call.method} ${call.path}: ${reason}`,
  );
}

function describe(messages: string[], call: VaultCall): string {
  if (messages.length === 0) {
    return 'no message';
  }
  const kept = messages.map(message =>
    call.sensitive && !KNOWN_MESSAGES.some(known => known.test(message))
      ? WITHHELD
      : redact(message, call.secrets),
  );
  const text = [...new Set(kept)].join('; ');
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** Blanks every credential out of text that came from Vault. */
export function redact(text: string, secrets: string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_REDACTED_LENGTH) {
      result = result.split(secret).join(REDACTED);
    }
  }
  return result;
}
