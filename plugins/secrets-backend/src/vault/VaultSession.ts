import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { readFile } from 'node:fs/promises';
import { VaultAuthConfig, VaultInstanceConfig } from './vaultConfig';
import { VaultConnection, VaultRequest } from './VaultConnection';
import { authAnswer, lookupSelfAnswer, parseAnswer } from './vaultShapes';

/** Renew once this much of a token's time is used, as Vault Agent does. */
const RENEW_AT_FRACTION = 2 / 3;
/** A static token whose renewal failed is tried again this much later. */
const RENEW_RETRY_MS = 30_000;

interface Token {
  value: string;
  /** Epoch ms; undefined for a token that never expires (root). */
  expiresAt?: number;
  /** Epoch ms after which it should be renewed (or replaced). */
  renewAt?: number;
  renewable: boolean;
  /** The TTL Vault granted at login; a renewal that grants less is capped. */
  grantedTtlMs: number;
}

/**
 * The portal's Vault token for one instance. A static token is looked up
 * once (lookup-self) to learn whether it is periodic; AppRole and Kubernetes
 * log in on first use. Renewable tokens are renewed (renew-self) after 2/3 of
 * their TTL; once Vault caps a renewal at the token's max TTL, or renewal
 * fails, or the token expired, a new login replaces it. Concurrent callers
 * share one login or renewal. The token is kept in a private field and goes
 * into the X-Vault-Token header only.
 */
export class VaultSession {
  readonly #instance: string;
  readonly #auth: VaultAuthConfig;
  readonly #connection: VaultConnection;
  readonly #logger: LoggerService;
  readonly #clock: () => number;
  #token: Token | undefined;
  #pending: Promise<Token> | undefined;

  static create(options: {
    instance: VaultInstanceConfig;
    connection: VaultConnection;
    logger: LoggerService;
    clock?: () => number;
  }): VaultSession {
    return new VaultSession(options);
  }

  private constructor(options: {
    instance: VaultInstanceConfig;
    connection: VaultConnection;
    logger: LoggerService;
    clock?: () => number;
  }) {
    this.#instance = options.instance.name;
    this.#auth = options.instance.auth;
    this.#connection = options.connection;
    this.#logger = options.logger;
    this.#clock = options.clock ?? Date.now;
  }

  /** Whether a refused token can be replaced by logging in again. */
  get canLogIn(): boolean {
    return this.#auth.type !== 'token';
  }

  /** Everything that must never appear in a message or a log. */
  get secrets(): string[] {
    const auth = this.#auth;
    const configured: string[] = [];
    if (auth.type === 'token') configured.push(auth.token);
    if (auth.type === 'approle') configured.push(auth.roleId, auth.secretId);
    return this.#token ? [this.#token.value, ...configured] : configured;
  }

  /** A token that is fresh enough to use now. */
  async token(): Promise<string> {
    if (this.#pending) {
      return (await this.#pending).value;
    }
    const now = this.#clock();
    const current = this.#token;
    let next: (() => Promise<Token>) | undefined;
    if (!current) {
      next = () => this.#first();
    } else if (current.expiresAt !== undefined && now >= current.expiresAt) {
      next = this.canLogIn ? () => this.#logIn() : undefined;
    } else if (current.renewAt !== undefined && now >= current.renewAt) {
      next = () => this.#refresh(current);
    }
    if (!next) {
      return current!.value;
    }
    this.#pending = next().finally(() => {
      this.#pending = undefined;
    });
    this.#token = await this.#pending;
    return this.#token.value;
  }

  /** Vault refused `token`: the next call logs in again. */
  invalidate(token: string): void {
    if (this.#token?.value === token && this.canLogIn) {
      this.#token = undefined;
    }
  }

  async #first(): Promise<Token> {
    if (this.#auth.type !== 'token') {
      return this.#logIn();
    }
    const value = this.#auth.token;
    const answer = await this.#connection
      .send(
        { method: 'GET', path: 'auth/token/lookup-self', idempotent: true },
        { token: value, secrets: this.secrets },
      )
      .catch(error => {
        // Not the network: the token may lack lookup-self and still be
        // good for its work. Use it as it is; Vault will say if it is not.
        if (error instanceof ServiceUnavailableError) throw error;
        return undefined;
      });
    const parsed = answer && lookupSelfAnswer.safeParse(answer.body);
    if (!parsed?.success || parsed.data.data.ttl === 0) {
      return { value, renewable: false, grantedTtlMs: 0 };
    }
    const { ttl, creation_ttl: creationTtl, renewable } = parsed.data.data;
    return this.#timed(value, ttl, Boolean(renewable), creationTtl ?? ttl);
  }

  async #refresh(current: Token): Promise<Token> {
    if (!current.renewable) {
      return this.canLogIn ? this.#logIn() : { ...current, renewAt: undefined };
    }
    try {
      const request: VaultRequest = {
        method: 'POST',
        path: 'auth/token/renew-self',
        body: {},
        idempotent: true,
      };
      const answer = await this.#connection.send(request, {
        token: current.value,
        secrets: this.secrets,
      });
      const { auth } = parseAnswer(authAnswer, answer?.body, {
        instance: this.#instance,
        ...request,
      });
      const renewed = this.#timed(
        current.value,
        auth.lease_duration,
        auth.renewable,
        current.grantedTtlMs / 1000,
      );
      this.#logger.debug(`Renewed the Vault ${this.#instance} token`, {
        vault: this.#instance,
        ttlSeconds: auth.lease_duration,
      });
      // Capped by the max TTL: renewing again would only shrink it further.
      if (auth.lease_duration * 1000 < current.grantedTtlMs) {
        return { ...renewed, renewable: false };
      }
      return renewed;
    } catch (error) {
      const reason = (error as Error).name;
      if (!this.canLogIn) {
        // It may still be good until it expires; Vault will say when not.
        this.#logger.warn(`Could not renew the Vault ${this.#instance} token`, {
          vault: this.#instance,
          reason,
        });
        return { ...current, renewAt: this.#clock() + RENEW_RETRY_MS };
      }
      this.#logger.warn(
        `Could not renew the Vault ${this.#instance} token; logging in again`,
        { vault: this.#instance, reason },
      );
      return this.#logIn();
    }
  }

  async #logIn(): Promise<Token> {
    const auth = this.#auth;
    if (auth.type === 'token') {
      throw new Error('A static Vault token cannot log in');
    }
    const jwt =
      auth.type === 'kubernetes'
        ? await this.#serviceAccountToken(auth)
        : undefined;
    const body =
      auth.type === 'approle'
        ? { role_id: auth.roleId, secret_id: auth.secretId }
        : { role: auth.role, jwt };
    const request: VaultRequest = {
      method: 'POST',
      path: `auth/${auth.mount}/login`,
      body,
      // Another login only makes another token; the unused one expires.
      idempotent: true,
      sensitive: true,
      login: true,
    };
    const secrets = jwt ? [...this.secrets, jwt] : this.secrets;
    const answer = await this.#connection.send(request, { secrets });
    const parsed = parseAnswer(authAnswer, answer?.body, {
      instance: this.#instance,
      ...request,
    }).auth;
    this.#logger.info(`Logged in to Vault ${this.#instance}`, {
      vault: this.#instance,
      method: auth.type,
      ttlSeconds: parsed.lease_duration,
    });
    return this.#timed(
      parsed.client_token,
      parsed.lease_duration,
      parsed.renewable,
      parsed.lease_duration,
    );
  }

  async #serviceAccountToken(auth: { jwtPath: string }): Promise<string> {
    try {
      // Read every time: the kubelet rotates projected tokens.
      return (await readFile(auth.jwtPath, 'utf8')).trim();
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'unreadable';
      throw new ServiceUnavailableError(
        `Vault ${
          this.#instance
        }: cannot read the Kubernetes service account token at ${
          auth.jwtPath
        } (${code})`,
      );
    }
  }

  /** A token with `ttl` seconds left, of a TTL that was `grantedTtl`. */
  #timed(
    value: string,
    ttl: number,
    renewable: boolean,
    grantedTtl: number,
  ): Token {
    const now = this.#clock();
    if (ttl === 0) {
      return { value, renewable: false, grantedTtlMs: 0 };
    }
    const grantedTtlMs = grantedTtl * 1000;
    // Due when a third of the granted TTL is left (at once if less is).
    const renewAt = now + ttl * 1000 - grantedTtlMs * (1 - RENEW_AT_FRACTION);
    return {
      value,
      expiresAt: now + ttl * 1000,
      renewAt: Math.max(now, renewAt),
      renewable,
      grantedTtlMs,
    };
  }
}
