import { randomUUID } from 'node:crypto';

/** What a handler answers: a status and Vault's JSON body. */
export interface Reply {
  status: number;
  body?: unknown;
}

/** Vault's response envelope around `data` or `auth`. */
export function envelope(fields: Record<string, unknown>) {
  return {
    request_id: randomUUID(),
    lease_id: '',
    renewable: false,
    lease_duration: 0,
    data: null,
    wrap_info: null,
    warnings: null,
    auth: null,
    ...fields,
  };
}

export function ok(data: unknown, warnings?: string[]): Reply {
  return { status: 200, body: envelope({ data, warnings: warnings ?? null }) };
}

export const noContent: Reply = { status: 204 };

/** Vault's error body; a plain 404 has an empty `errors` list. */
export function failure(status: number, ...errors: string[]): Reply {
  return { status, body: { errors } };
}

/** Thrown by a handler to answer at once (403, 400...). */
export class VaultReply extends Error {
  constructor(readonly reply: Reply) {
    super(`Vault test server answers ${reply.status}`);
  }
}

export function refuse(status: number, ...errors: string[]): never {
  throw new VaultReply(failure(status, ...errors));
}

/** Vault's durations: seconds as a number or "90", "90s", "5m", "1h30m". */
export function seconds(value: unknown, field: string): number {
  if (value === undefined || value === null || value === '') return 0;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    return value;
  }
  const match =
    typeof value === 'string' &&
    /^(?:(\d+)|(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?)$/.exec(value);
  if (!match || match[0] === '') {
    return refuse(400, `error converting input for field "${field}"`);
  }
  if (match[1] !== undefined) return Number(match[1]);
  return (
    Number(match[2] ?? 0) * 3600 +
    Number(match[3] ?? 0) * 60 +
    Number(match[4] ?? 0)
  );
}

/** Vault's string lists: a JSON array or a comma-separated string. */
export function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : String(value).split(',');
  return list.map(item => String(item).trim()).filter(Boolean);
}
