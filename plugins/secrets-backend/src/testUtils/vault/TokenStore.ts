import { randomBytes } from 'node:crypto';
import { envelope, ok, Reply } from './replies';

/** Vault's system default and maximum token TTL: 768h. */
export const SYSTEM_MAX_TTL_SECONDS = 768 * 3600;

export interface ServerToken {
  id: string;
  accessor: string;
  /** "" for the root namespace. */
  namespace: string;
  policies: string[];
  root: boolean;
  createdAt: number;
  /** Seconds; 0 for a token that never expires. */
  creationTtl: number;
  expiresAt?: number;
  maxExpiresAt?: number;
  renewable: boolean;
  /** IPv4 CIDRs the token may be used from; empty: anywhere. */
  boundCidrs: string[];
  meta: Record<string, string>;
  /** A response-wrapping token: the response it unwraps to, once. */
  wrapped?: unknown;
}

/** Service and response-wrapping tokens of the test server, with TTLs. */
export class TokenStore {
  readonly #tokens = new Map<string, ServerToken>();
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  issue(options: {
    namespace: string;
    policies: string[];
    ttl: number;
    maxTtl?: number;
    renewable: boolean;
    boundCidrs?: string[];
    meta?: Record<string, string>;
    root?: boolean;
    id?: string;
  }): ServerToken {
    const now = this.#clock();
    const maxTtl = options.maxTtl || SYSTEM_MAX_TTL_SECONDS;
    // 0 means the system default, as for Vault's token_ttl.
    const ttl = options.root
      ? 0
      : Math.min(options.ttl || SYSTEM_MAX_TTL_SECONDS, maxTtl);
    const token: ServerToken = {
      id: options.id ?? `hvs.${randomString(24)}`,
      accessor: randomString(24),
      namespace: options.namespace,
      policies: options.root
        ? ['root']
        : [...new Set(options.policies.map(p => p.toLowerCase()))].sort(),
      root: Boolean(options.root),
      createdAt: now,
      creationTtl: ttl,
      expiresAt: ttl ? now + ttl * 1000 : undefined,
      maxExpiresAt: options.root ? undefined : now + maxTtl * 1000,
      renewable: !options.root && options.renewable,
      boundCidrs: options.boundCidrs ?? [],
      meta: options.meta ?? {},
    };
    this.#tokens.set(token.id, token);
    return token;
  }

  /** The live token, or undefined when unknown, expired or revoked. */
  lookup(id: string | undefined): ServerToken | undefined {
    const token = id ? this.#tokens.get(id) : undefined;
    if (token?.expiresAt !== undefined && this.#clock() >= token.expiresAt) {
      this.#tokens.delete(token.id);
      return undefined;
    }
    return token;
  }

  /** Seconds left after renewing by `increment` (or the creation TTL). */
  renew(
    token: ServerToken,
    increment: number,
  ): { ttl: number; capped: boolean } {
    const now = this.#clock();
    const wanted = now + (increment || token.creationTtl) * 1000;
    const capped =
      token.maxExpiresAt !== undefined && wanted > token.maxExpiresAt;
    token.expiresAt = capped ? token.maxExpiresAt : wanted;
    return { ttl: Math.floor((token.expiresAt! - now) / 1000), capped };
  }

  /** A single-use token that unwraps to `response` within `ttl` seconds. */
  wrap(namespace: string, response: unknown, ttl: number, path: string) {
    const token = this.issue({
      namespace,
      policies: ['response-wrapping'],
      ttl,
      maxTtl: ttl,
      renewable: false,
    });
    token.wrapped = response;
    return {
      token: token.id,
      accessor: token.accessor,
      ttl,
      creation_time: new Date(token.createdAt).toISOString(),
      creation_path: path,
      wrapped_accessor: '',
    };
  }

  /** What the wrapping token wrapped; the token is gone afterwards. */
  unwrap(id: string | undefined, namespace: string): unknown | undefined {
    const token = this.lookup(id);
    if (!token?.wrapped || token.namespace !== namespace) {
      return undefined;
    }
    this.#tokens.delete(token.id);
    return envelope({ ...(token.wrapped as object) });
  }

  /** Whole seconds left; 0 for a token that never expires. */
  ttlOf(token: ServerToken): number {
    if (token.expiresAt === undefined) return 0;
    return Math.max(0, Math.floor((token.expiresAt - this.#clock()) / 1000));
  }

  /** Revokes every token but root tokens, as a revoke-prefix would. */
  revokeAll(): void {
    for (const token of this.#tokens.values()) {
      if (!token.root) this.#tokens.delete(token.id);
    }
  }
}

/** A login's or renewal's answer. */
export function authReply(token: ServerToken, ttl: number): Reply {
  return {
    status: 200,
    body: envelope({
      auth: {
        client_token: token.id,
        accessor: token.accessor,
        policies: token.policies,
        token_policies: token.policies,
        metadata: token.meta,
        lease_duration: ttl,
        renewable: token.renewable,
        entity_id: '',
        token_type: 'service',
        orphan: true,
        num_uses: 0,
      },
    }),
  };
}

/** lookup-self's answer, the token itself (`id`) included, as Vault's. */
export function lookupSelfReply(token: ServerToken, ttl: number): Reply {
  return ok({
    accessor: token.accessor,
    creation_time: Math.floor(token.createdAt / 1000),
    creation_ttl: token.creationTtl,
    display_name: token.root ? 'root' : 'approle',
    expire_time: token.expiresAt
      ? new Date(token.expiresAt).toISOString()
      : null,
    explicit_max_ttl: 0,
    id: token.id,
    meta: token.meta,
    num_uses: 0,
    orphan: true,
    path: token.root ? 'auth/token/root' : 'auth/token/create',
    policies: token.policies,
    renewable: token.renewable,
    ttl,
    type: 'service',
  });
}

const ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomString(length: number): string {
  return [...randomBytes(length)]
    .map(byte => ALPHABET[byte % ALPHABET.length])
    .join('');
}
