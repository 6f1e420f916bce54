import { ResponseError } from '@backstage/errors';
import {
  ActiveCredentials,
  resolveCredentials,
} from '../auth/activeCredentials';
import { CredentialStore } from '../auth/CredentialStore';
import { readOidcConfiguration, requestToken } from '../auth/oidc';
import { CliError } from '../lib/CliError';
import {
  errorForStatus,
  FailureContext,
  messageOfErrorBody,
  messageOfResponse,
  portalUnreachable,
} from './responseErrors';

/** A response the generated clients return; `json()` typed. */
export interface TypedResponseLike<T> {
  ok: boolean;
  status: number;
  statusText: string;
  json(): Promise<T>;
  text(): Promise<string>;
}

/**
 * One portal, as every API client sees it: plugin base URLs at
 * `<portal>/api/<pluginId>` (how Backstage's discovery lays them out), a
 * fetch that adds the bearer token and a timeout, and the mapping of failed
 * calls to one-line errors with exit codes.
 */
export class PortalSession {
  readonly portalUrl: string;
  readonly discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  readonly fetchApi: { fetch: typeof fetch };
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #env: NodeJS.ProcessEnv;
  readonly #store: CredentialStore;
  readonly #now: () => number;
  #resolved?: Promise<ActiveCredentials>;

  static create(options: {
    portalUrl: string;
    env: NodeJS.ProcessEnv;
    store: CredentialStore;
    fetch: typeof fetch;
    timeoutMs: number;
    now: () => number;
  }): PortalSession {
    return new PortalSession(options);
  }

  private constructor(options: Parameters<typeof PortalSession.create>[0]) {
    this.portalUrl = options.portalUrl;
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs;
    this.#env = options.env;
    this.#store = options.store;
    this.#now = options.now;
    this.discoveryApi = {
      getBaseUrl: async pluginId => `${this.portalUrl}/api/${pluginId}`,
    };
    this.fetchApi = { fetch: this.#authenticatedFetch as typeof fetch };
  }

  /** The credentials in use, resolved (and refreshed) once per command. */
  credentials(): Promise<ActiveCredentials> {
    this.#resolved ??= resolveCredentials({
      portalUrl: this.portalUrl,
      env: this.#env,
      store: this.#store,
      now: this.#now,
      refresh: stored =>
        requestToken(
          stored.tokenEndpoint,
          {
            grant_type: 'refresh_token',
            refresh_token: stored.refreshToken ?? '',
            client_id: stored.clientId,
          },
          this.httpFetch,
        ),
    });
    return this.#resolved;
  }

  /** A call without credentials (health probes, OAuth endpoints). */
  readonly httpFetch = async (
    url: string,
    init: RequestInit = {},
  ): Promise<Response> => {
    try {
      return await this.#fetch(url, {
        ...init,
        signal: init.signal ?? AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw portalUnreachable(this.portalUrl, error);
    }
  };

  readonly #authenticatedFetch = async (
    input: string | URL | Request,
    init: RequestInit = {},
  ): Promise<Response> => {
    const credentials = await this.credentials();
    const headers = new Headers(init.headers);
    if (credentials.kind !== 'none' && !headers.has('authorization')) {
      headers.set('authorization', `Bearer ${credentials.token}`);
    }
    return this.httpFetch(
      String(input instanceof Request ? input.url : input),
      {
        ...init,
        headers,
      },
    );
  };

  /** The body of a successful response, or the one-line error. */
  async read<T>(
    response: TypedResponseLike<T>,
    context: { notFound?: string } = {},
  ): Promise<T> {
    if (response.ok) return response.json();
    throw errorForStatus(
      response.status,
      await messageOfResponse(response),
      await this.failureContext(context),
    );
  }

  /**
   * Maps what a client threw to a one-line error: our own errors pass
   * through, the catalog's and scaffolder's ResponseError by status.
   */
  async explain(
    error: unknown,
    context: { notFound?: string } = {},
  ): Promise<unknown> {
    if (error instanceof CliError) return error;
    if ((error as Error)?.name === 'ResponseError') {
      const responseError = error as ResponseError;
      return errorForStatus(
        responseError.statusCode,
        messageOfErrorBody(responseError.body) ?? responseError.statusText,
        await this.failureContext(context),
      );
    }
    return error;
  }

  async failureContext(
    context: { notFound?: string } = {},
  ): Promise<FailureContext> {
    const credentials = await this.credentials().catch(
      () => ({ kind: 'none' } as const),
    );
    return {
      portalUrl: this.portalUrl,
      credentials: credentials.kind,
      ...context,
    };
  }

  /** The auth backend's OpenID configuration. */
  async oidc() {
    return readOidcConfiguration(
      await this.discoveryApi.getBaseUrl('auth'),
      this.httpFetch,
    );
  }
}
