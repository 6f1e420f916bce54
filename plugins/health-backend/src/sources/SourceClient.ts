import { CacheService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { SourceInstanceConfig, SourceKind } from '../healthConfig';

const TITLES: Record<SourceKind, string> = {
  prometheus: 'Prometheus',
  alertmanager: 'Alertmanager',
  grafana: 'Grafana',
};

/**
 * A source that did not answer as it should. `unreachable`: no answer
 * (refused, DNS, timeout); `error`: it answered with an error. The message
 * names the instance and never holds credentials.
 */
export class SourceError extends Error {
  readonly state: 'unreachable' | 'error';
  constructor(state: 'unreachable' | 'error', message: string) {
    super(message);
    this.name = 'SourceError';
    this.state = state;
  }
}

/**
 * One configured instance of a source, read over HTTP with a timeout;
 * successful answers are cached for a while, keyed by instance and path.
 */
export class SourceClient {
  readonly kind: SourceKind;
  readonly instance: SourceInstanceConfig;
  readonly #cache: CacheService;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  /** Requests under way, so that concurrent readers of one path share one. */
  readonly #inFlight = new Map<string, Promise<unknown>>();

  static create(options: {
    kind: SourceKind;
    instance: SourceInstanceConfig;
    cache: CacheService;
    ttlMs: number;
    timeoutMs: number;
  }): SourceClient {
    return new SourceClient(options);
  }

  private constructor(options: Parameters<typeof SourceClient.create>[0]) {
    this.kind = options.kind;
    this.instance = options.instance;
    this.#cache = options.cache;
    this.#ttlMs = options.ttlMs;
    this.#timeoutMs = options.timeoutMs;
  }

  get name(): string {
    return this.instance.name;
  }

  get title(): string {
    return `${TITLES[this.kind]} "${this.instance.name}"`;
  }

  /**
   * GET `path` (with its query) as JSON; cached unless `fresh`. Readers of
   * a path that is being fetched wait for that request instead of sending
   * their own: under load, every summary asks the same queries at once.
   */
  async get<T>(path: string, options: { fresh?: boolean } = {}): Promise<T> {
    if (options.fresh) return (await this.#fetch(path)) as T;
    const key = `${this.kind}:${this.instance.name}:${path}`;
    const cached = await this.#cache.get(key);
    if (cached !== undefined) return cached as T;
    let pending = this.#inFlight.get(key);
    if (!pending) {
      pending = this.#fetch(path)
        .then(async body => {
          if (this.#ttlMs > 0) {
            await this.#cache.set(key, body as JsonValue, { ttl: this.#ttlMs });
          }
          return body;
        })
        .finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, pending);
    }
    return (await pending) as T;
  }

  /** Probes `path`: the latency of an answer, or the SourceError. */
  async probe<T>(path: string): Promise<{ body: T; latencyMs: number }> {
    const start = performance.now();
    const body = await this.get<T>(path, { fresh: true });
    return { body, latencyMs: Math.round(performance.now() - start) };
  }

  async #fetch(path: string): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.instance.baseUrl}${path}`, {
        headers: { Accept: 'application/json', ...this.instance.headers },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      // The timeout covers the body too: a source that sends its headers
      // and then stalls (or a backend too busy to read the body in time)
      // is as unreachable as one that never answers.
      text = await response.text();
    } catch (error) {
      const cause = error as Error & { cause?: { code?: string } };
      const reason =
        cause.name === 'TimeoutError' || cause.name === 'AbortError'
          ? `did not answer within ${this.#timeoutMs} ms`
          : `could not be reached (${cause.cause?.code ?? cause.message})`;
      throw new SourceError('unreachable', `${this.title} ${reason}`);
    }
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      throw new SourceError(
        'error',
        `${this.title} answered ${response.status}: ${this.#errorText(
          response.status,
          body,
          text,
        )}`,
      );
    }
    if (body === undefined) {
      throw new SourceError('error', `${this.title} answered without JSON`);
    }
    return body;
  }

  #errorText(status: number, body: unknown, text: string): string {
    if (status === 401 || status === 403) {
      return this.kind === 'grafana'
        ? 'the Grafana token was refused: check the instance token (a Viewer service account token)'
        : 'the credentials in the instance headers were refused';
    }
    const fields = body as { error?: unknown; message?: unknown } | null;
    const message =
      (typeof fields?.error === 'string' && fields.error) ||
      (typeof fields?.message === 'string' && fields.message) ||
      text.slice(0, 200) ||
      'no body';
    return message;
  }
}
