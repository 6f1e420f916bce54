import { IncomingMessage, ServerResponse } from 'node:http';
import { failure, refuse, Reply } from './replies';

/** An answer to force instead of the real one. */
export interface ForcedFailure {
  status: number;
  errors?: string[];
  /** Quote the request's body and token in the error, as a careless server might. */
  echo?: boolean;
}

export function forcedReply(
  forced: ForcedFailure,
  raw: string,
  token: string | undefined,
): Reply {
  const errors = forced.errors ?? [`test failure ${forced.status}`];
  return failure(
    forced.status,
    ...(forced.echo
      ? [...errors, `request body: ${raw}`, `token: ${token}`]
      : errors),
  );
}

export function parseBody(raw: string): any {
  if (!raw.trim()) return {};
  try {
    return JSON.parse(raw);
  } catch {
    return refuse(400, 'failed to parse JSON input');
  }
}

/** IPv4 only: the test server listens on 127.0.0.1. */
export function inCidr(address: string, cidr: string): boolean {
  const [base, bits = '32'] = cidr.split('/');
  const toNumber = (value: string) =>
    value.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const block = 2 ** (32 - Number(bits));
  const ip = toNumber(address.replace(/^::ffff:/, ''));
  return Math.floor(ip / block) === Math.floor(toNumber(base) / block);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(
    reply.status,
    body ? { 'content-type': 'application/json' } : {},
  );
  res.end(body);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
