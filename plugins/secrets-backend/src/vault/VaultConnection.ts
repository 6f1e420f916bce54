import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { VaultCallMetrics } from './VaultCallMetrics';
import { VaultInstanceConfig } from './vaultConfig';
import {
  errorForStatus,
  isRetryable,
  noAnswer,
  VaultCall,
  vaultMessages,
} from './vaultErrors';

/** Two more tries cover a leader election; more would keep a user waiting. */
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 250;
const NETWORK_CODE = /^[A-Z][A-Z0-9_]{1,40}$/;

export interface VaultRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The API path after /v1/, segments already encoded. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /**
   * Safe to send again when Vault failed (5xx) or the connection broke: a
   * repeat leaves Vault as one request would. Timeouts are never retried:
   * a Vault that took that long will not answer the next one sooner.
   */
  idempotent: boolean;
  /** The body carries secret material (see {@link VaultCall}). */
  sensitive?: boolean;
  login?: boolean;
  /** Asks Vault to answer with a response-wrapping token instead. */
  wrapTtlSeconds?: number;
  /** Statuses that are answers, not errors (sys/health's 429, 503...). */
  answerStatuses?: number[];
  /** A 404 means "nothing there": resolve undefined. */
  absentOn404?: boolean;
  /** Sent without X-Vault-Namespace: sys/health belongs to the root one. */
  rootNamespace?: boolean;
}

export interface VaultAnswer {
  status: number;
  /** Parsed JSON; undefined for an empty answer (204). */
  body: any;
}

/**
 * Sends requests to one Vault instance: the namespace header, the timeout,
 * retries with exponential backoff for idempotent requests, and Vault's
 * answers turned into Backstage errors. It never logs or reports a body, a
 * header or a token; messages name the instance, the method and the path.
 * Redirects are not followed: a standby that redirects would receive the
 * token on an address nobody configured.
 */
export class VaultConnection {
  readonly #instance: string;
  readonly #baseUrl: string;
  readonly #namespace: string | undefined;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #retryDelayMs: number;
  readonly #logger: LoggerService;
  readonly #kvMount: string;
  readonly #metrics: VaultCallMetrics | undefined;

  static create(options: {
    instance: VaultInstanceConfig;
    logger: LoggerService;
    maxRetries?: number;
    retryDelayMs?: number;
    metrics?: VaultCallMetrics;
  }): VaultConnection {
    return new VaultConnection(options);
  }

  private constructor(options: {
    instance: VaultInstanceConfig;
    logger: LoggerService;
    maxRetries?: number;
    retryDelayMs?: number;
    metrics?: VaultCallMetrics;
  }) {
    this.#instance = options.instance.name;
    this.#kvMount = options.instance.kvMount;
    this.#metrics = options.metrics;
    this.#baseUrl = options.instance.baseUrl;
    this.#namespace = options.instance.namespace;
    this.#timeoutMs = options.instance.timeoutMs;
    this.#maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.#retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    this.#logger = options.logger;
  }

  async send(
    request: VaultRequest,
    auth: { token?: string; secrets: string[] },
  ): Promise<VaultAnswer | undefined> {
    if (!this.#metrics) return this.#send(request, auth);
    return this.#metrics.time(
      { instance: this.#instance, kvMount: this.#kvMount, request },
      () => this.#send(request, auth),
    );
  }

  async #send(
    request: VaultRequest,
    auth: { token?: string; secrets: string[] },
  ): Promise<VaultAnswer | undefined> {
    const call: VaultCall = {
      instance: this.#instance,
      method: request.method,
      path: request.path,
      sensitive: request.sensitive,
      login: request.login,
      secrets: auth.secrets,
    };
    const attempts = request.idempotent ? this.#maxRetries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#exchange(request, auth.token);
      const again = attempt < attempts;
      if ('failure' in outcome) {
        if (outcome.retryable && again) {
          await this.#backoff(call, attempt, { reason: outcome.failure });
          continue;
        }
        throw noAnswer(call, outcome.failure);
      }
      const { status, text } = outcome;
      const body = parseJson(text);
      if (status >= 200 && status < 300) {
        if (text.trim() && body === undefined) {
          throw new ServiceUnavailableError(
            `Vault ${this.#instance} answered ${request.method} ${
              request.path
            } with something other than JSON`,
          );
        }
        return { status, body };
      }
      if (request.answerStatuses?.includes(status) && body !== undefined) {
        return { status, body };
      }
      if (status >= 300 && status < 400) {
        throw new ServiceUnavailableError(
          `Vault ${this.#instance} redirected ${request.method} ${
            request.path
          } (${status}); point baseUrl at the active node or its load balancer`,
        );
      }
      if (status === 404 && request.absentOn404) {
        return undefined;
      }
      const messages = vaultMessages(body);
      if (isRetryable(status, messages) && again) {
        await this.#backoff(call, attempt, { status });
        continue;
      }
      throw errorForStatus(call, status, messages);
    }
  }

  async #exchange(
    request: VaultRequest,
    token: string | undefined,
  ): Promise<
    { status: number; text: string } | { failure: string; retryable: boolean }
  > {
    const url = new URL(`${this.#baseUrl}/v1/${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      url.searchParams.set(key, value);
    }
    const headers: Record<string, string> = {
      Accept: 'application/json',
      // Vault's own clients send it; Vault's CSRF protection may require it.
      'X-Vault-Request': 'true',
    };
    if (token) headers['X-Vault-Token'] = token;
    if (this.#namespace && !request.rootNamespace) {
      headers['X-Vault-Namespace'] = this.#namespace;
    }
    if (request.wrapTtlSeconds !== undefined) {
      headers['X-Vault-Wrap-TTL'] = `${request.wrapTtlSeconds}s`;
    }
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        body:
          request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'manual',
        signal: timeout,
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      if (timeout.aborted) {
        return {
          failure: `no answer within ${this.#timeoutMs} ms`,
          retryable: false,
        };
      }
      // Only the error code: fetch's messages may quote the URL and more.
      const code = (error as { cause?: { code?: unknown } })?.cause?.code;
      return {
        failure:
          typeof code === 'string' && NETWORK_CODE.test(code)
            ? `connection failed (${code})`
            : 'connection failed',
        retryable: true,
      };
    }
  }

  async #backoff(
    call: VaultCall,
    attempt: number,
    why: { status?: number; reason?: string },
  ): Promise<void> {
    const delayMs = this.#retryDelayMs * 2 ** (attempt - 1);
    this.#logger.warn(
      `Vault ${call.instance} failed ${call.method} ${call.path}; trying again`,
      {
        vault: call.instance,
        method: call.method,
        path: call.path,
        ...why,
        attempt,
        delayMs,
      },
    );
    await new Promise(resolve => setTimeout(resolve, delayMs));
  }
}

function parseJson(text: string): any {
  if (!text.trim()) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
