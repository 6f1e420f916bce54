import { Config } from '@backstage/config';
import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  artifact,
  artifactPage,
  GithubArtifact,
  GithubJob,
  GithubWorkflowRun,
  jobPage,
  runPage,
} from './githubShapes';
import {
  errorBody,
  GithubApiError,
  GithubRateLimit,
  GithubRateLimitError,
  jsonBody,
  rateLimitOf,
} from './githubErrors';

export { GithubApiError, GithubRateLimitError } from './githubErrors';
export type { GithubRateLimit } from './githubErrors';
export type {
  GithubArtifact,
  GithubJob,
  GithubWorkflowRun,
} from './githubShapes';

const DEFAULT_HOST = 'github.com';
const API_VERSION = '2022-11-28';
const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Reads answered with a 5xx, or not at all, are retried this often. Writes
 * are not: GitHub may have rerun or dispatched before failing to answer.
 */
const MAX_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 1_000;
const PER_PAGE = 100;
/** GitHub answers at most 1,000 runs to a filtered query anyway. */
const DEFAULT_MAX_PAGES = 10;
const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;

interface Page<T> {
  items: T[];
  totalCount: number;
}

/**
 * A small client for the GitHub Actions REST endpoints the pipelines use,
 * with the credentials of the `integrations.github` entry for the host (a
 * GitHub App installation or a token). It keeps the rate-limit budget GitHub
 * reports so that a sweep can stop before it runs dry, and turns GitHub's
 * rate-limit answers into {@link GithubRateLimitError}s that say when to
 * come back. The token goes into the Authorization header and nowhere else.
 */
export class GithubClient {
  readonly #host: string;
  readonly #apiBaseUrl: string | undefined;
  readonly #configured: boolean;
  readonly #credentials: GithubCredentialsProvider;
  readonly #timeoutMs: number;
  readonly #retryDelayMs: number;
  #rateLimit: GithubRateLimit | undefined;

  static fromConfig(
    config: Config,
    options: { host?: string; timeoutMs?: number; retryDelayMs?: number } = {},
  ): GithubClient {
    const host = options.host ?? DEFAULT_HOST;
    const integrations = ScmIntegrations.fromConfig(config);
    const integration = integrations.github.byHost(host)?.config;
    return new GithubClient({
      host,
      apiBaseUrl: integration?.apiBaseUrl,
      configured: Boolean(
        integration?.apiBaseUrl &&
          (integration.token || integration.apps?.length),
      ),
      credentials:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
    });
  }

  private constructor(options: {
    host: string;
    apiBaseUrl: string | undefined;
    configured: boolean;
    credentials: GithubCredentialsProvider;
    timeoutMs: number;
    retryDelayMs: number;
  }) {
    this.#host = options.host;
    this.#apiBaseUrl = options.apiBaseUrl;
    this.#configured = options.configured;
    this.#credentials = options.credentials;
    this.#timeoutMs = options.timeoutMs;
    this.#retryDelayMs = options.retryDelayMs;
  }

  /** Whether the integration for the host has a token or a GitHub App. */
  get configured(): boolean {
    return this.#configured;
  }

  /**
   * What GitHub's last answer said about the budget (none left until the
   * reset after a rate-limit refusal); undefined before the first.
   */
  get rateLimit(): GithubRateLimit | undefined {
    return this.#rateLimit && { ...this.#rateLimit };
  }

  /** Runs created since then, newest first, up to `maxPages` of 100. */
  async listWorkflowRuns(
    repository: string,
    options: { createdSince: number; maxPages?: number; signal?: AbortSignal },
  ): Promise<GithubWorkflowRun[]> {
    // GitHub's search syntax: seconds and an offset, no milliseconds.
    const since = new Date(options.createdSince).toISOString().slice(0, 19);
    const created = `>=${since}+00:00`;
    return this.#paginate(
      repository,
      '/actions/runs',
      { created },
      body => {
        const page = runPage.parse(body);
        return { items: page.workflow_runs, totalCount: page.total_count };
      },
      options,
    );
  }

  /** The jobs of the run's latest attempt. */
  async listJobs(
    repository: string,
    runId: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<GithubJob[]> {
    return this.#paginate(
      repository,
      `/actions/runs/${runSegment(runId)}/jobs`,
      { filter: 'latest' },
      body => {
        const page = jobPage.parse(body);
        return { items: page.jobs, totalCount: page.total_count };
      },
      options,
    );
  }

  async listArtifacts(
    repository: string,
    runId: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<GithubArtifact[]> {
    const run = runSegment(runId);
    return this.#paginate(
      repository,
      `/actions/runs/${run}/artifacts`,
      {},
      body => {
        const page = artifactPage.parse(body);
        // One artifact GitHub describes oddly is left out, not the run's.
        const valid = page.artifacts.flatMap(item => {
          const parsed = artifact.safeParse(item);
          return parsed.success ? [parsed.data] : [];
        });
        return {
          totalCount: page.total_count,
          items: valid.map(a => ({
            id: a.id,
            name: a.name,
            sizeBytes: a.size_in_bytes,
            digest: a.digest ?? null,
            url: `https://${
              this.#host
            }/${repository}/actions/runs/${run}/artifacts/${a.id}`,
            expired: a.expired,
            createdAt: a.created_at ? Date.parse(a.created_at) : null,
          })),
        };
      },
      options,
    );
  }

  /** Reruns the failed jobs of a completed run (and what depends on them). */
  async rerunFailedJobs(repository: string, runId: string): Promise<void> {
    await this.#request(
      'POST',
      repository,
      `/actions/runs/${runSegment(runId)}/rerun-failed-jobs`,
      { body: {} },
    );
  }

  /**
   * Starts a workflow that has a `workflow_dispatch` trigger; `workflow`
   * is its file name (`deploy.yml`) or id. GitHub answers 422 when the
   * workflow has no such trigger or the ref does not exist.
   */
  async dispatchWorkflow(
    repository: string,
    workflow: string,
    ref: string,
    inputs: Record<string, string>,
  ): Promise<void> {
    await this.#request(
      'POST',
      repository,
      `/actions/workflows/${encodeURIComponent(workflow)}/dispatches`,
      { body: { ref, inputs } },
    );
  }

  async #paginate<T>(
    repository: string,
    path: string,
    query: Record<string, string>,
    parse: (body: unknown) => Page<T>,
    options: { maxPages?: number; signal?: AbortSignal },
  ): Promise<T[]> {
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    const items: T[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const response = await this.#request('GET', repository, path, {
        query: { ...query, per_page: String(PER_PAGE), page: String(page) },
        signal: options.signal,
      });
      const parsed = parse(response.body);
      items.push(...parsed.items);
      // GitHub links the next page; without a Link header, count.
      const link = response.headers.get('link');
      const more = link
        ? /rel="next"/.test(link)
        : page * PER_PAGE < parsed.totalCount;
      if (!more || parsed.items.length === 0) {
        break;
      }
    }
    return items;
  }

  async #request(
    method: 'GET' | 'POST',
    repository: string,
    path: string,
    options: {
      query?: Record<string, string>;
      body?: unknown;
      signal?: AbortSignal;
    },
  ): Promise<{ headers: Headers; body: unknown }> {
    if (!REPOSITORY.test(repository)) {
      throw new InputError(
        `Not a GitHub repository (owner/name): ${repository}`,
      );
    }
    const apiPath = `/repos/${repository}${path}`;
    const url = new URL(`${this.#apiBaseUrl}${apiPath}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      url.searchParams.set(key, value);
    }
    const token = await this.#token(repository);
    const retries = method === 'GET' ? MAX_RETRIES : 0;
    for (let attempt = 0; ; attempt++) {
      const response = await this.#fetch(url, method, token, options).catch(
        error => {
          if (attempt < retries && ServiceUnavailableError.is(error)) {
            return undefined;
          }
          throw error;
        },
      );
      if (response) {
        this.#observe(response.headers);
      }
      if (response?.ok) {
        return {
          headers: response.headers,
          body: await jsonBody(response, `${method} ${apiPath}`),
        };
      }
      if (!response || (response.status >= 500 && attempt < retries)) {
        await response?.body?.cancel();
        await sleep(this.#retryDelayMs * 2 ** attempt, options.signal);
        continue;
      }
      const { message, documentationUrl } = await errorBody(response);
      const what = `GitHub answered ${response.status} to ${method} ${apiPath}: ${message}`;
      const resetAt = rateLimitOf(response, message);
      if (resetAt) {
        // Nothing more until then, whatever the headers said.
        this.#rateLimit = {
          limit: this.#rateLimit?.limit ?? 0,
          remaining: 0,
          resetAt: resetAt.resetAt,
        };
        throw new GithubRateLimitError({
          status: response.status,
          message: what,
          ...resetAt,
        });
      }
      throw new GithubApiError(response.status, what, documentationUrl);
    }
  }

  async #fetch(
    url: URL,
    method: string,
    token: string,
    options: { body?: unknown; signal?: AbortSignal },
  ): Promise<Response> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    try {
      return await fetch(url, {
        method,
        headers: {
          Accept: 'application/vnd.github+json',
          'X-GitHub-Api-Version': API_VERSION,
          Authorization: `Bearer ${token}`,
          ...(options.body === undefined
            ? {}
            : { 'Content-Type': 'application/json' }),
        },
        body:
          options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal
          ? AbortSignal.any([options.signal, timeout])
          : timeout,
      });
    } catch (error) {
      if (options.signal?.aborted) {
        throw options.signal.reason;
      }
      // Fetch's errors name the URL at most; the message is ours all the same.
      const reason = timeout.aborted
        ? `no answer within ${this.#timeoutMs} ms`
        : (error as { cause?: { code?: string } })?.cause?.code ??
          'no connection';
      throw new ServiceUnavailableError(
        `GitHub did not answer ${method} ${url.pathname}: ${reason}`,
      );
    }
  }

  async #token(repository: string): Promise<string> {
    if (!this.#configured) {
      throw new ServiceUnavailableError(
        `GitHub is not configured: add a token or a GitHub App to the integrations.github entry for ${
          this.#host
        }`,
      );
    }
    const owner = repository.split('/')[0];
    let token: string | undefined;
    try {
      ({ token } = await this.#credentials.getCredentials({
        url: `https://${this.#host}/${repository}`,
      }));
    } catch (error) {
      throw new NotAllowedError(
        `No GitHub credentials for ${owner}: ${(error as Error)?.message}`,
      );
    }
    if (!token) {
      throw new NotAllowedError(
        `No GitHub credentials for ${owner}: the GitHub App is not installed there and no token is configured`,
      );
    }
    return token;
  }

  #observe(headers: Headers): void {
    const remaining = headers.get('x-ratelimit-remaining');
    const reset = headers.get('x-ratelimit-reset');
    if (remaining !== null && reset !== null) {
      this.#rateLimit = {
        limit: Number(headers.get('x-ratelimit-limit') ?? 0),
        remaining: Number(remaining),
        resetAt: Number(reset) * 1000,
      };
    }
  }
}

/** A run id as a path segment: GitHub's ids are digits. */
function runSegment(runId: string): string {
  if (!/^\d{1,20}$/.test(runId)) {
    throw new InputError(`Not a GitHub run id: ${runId}`);
  }
  return runId;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
