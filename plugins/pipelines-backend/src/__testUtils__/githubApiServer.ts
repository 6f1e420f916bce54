import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { githubExample } from './githubExamples';

/**
 * An HTTP server that answers the GitHub Actions REST endpoints the
 * pipelines use the way GitHub documents them (API version 2022-11-28):
 * list runs, jobs and artifacts with `page`/`per_page` and a Link header,
 * rerun failed jobs, workflow dispatches, GitHub's error bodies, bearer
 * tokens, and the rate-limit headers and refusals (primary and secondary).
 * It records every request so that tests can say what was asked.
 */

const DOCS = 'https://docs.github.com/rest';
const RATE_LIMIT_DOCS =
  'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
const HOURLY_LIMIT = 5000;
const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The request headers a GitHub client must send. */
  headers: {
    accept?: string;
    apiVersion?: string;
    authorization?: string;
  };
}

export interface FakeWorkflow {
  id: number;
  /** `.github/workflows/<file>`; dispatches name it by file or id. */
  path: string;
  /** Whether it has a `workflow_dispatch` trigger. */
  dispatchable: boolean;
}

export interface FakeRepository {
  runs: any[];
  /** By run id, every attempt's jobs. */
  jobs: Record<string, any[]>;
  /** By run id. */
  artifacts: Record<string, any[]>;
  workflows: FakeWorkflow[];
  /** Branches and tags a dispatch may name. */
  refs: string[];
}

export class GithubApiServer {
  readonly requests: RecordedRequest[] = [];
  readonly #server: Server;
  readonly #token: string;
  readonly #repositories = new Map<string, FakeRepository>();
  #remaining = HOURLY_LIMIT;
  /** Epoch seconds, as in `x-ratelimit-reset`. */
  #reset = Math.floor(Date.now() / 1000) + 3600;
  #secondary: { status: 403 | 429; retryAfter?: number } | undefined;
  #failures: number[] = [];

  static async start(options: { token: string }): Promise<GithubApiServer> {
    const server = new GithubApiServer(options.token);
    await new Promise<void>(resolve =>
      server.#server.listen(0, '127.0.0.1', resolve),
    );
    return server;
  }

  private constructor(token: string) {
    this.#token = token;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch(error => {
        res.statusCode = 500;
        res.end(JSON.stringify({ message: String(error) }));
      });
    });
  }

  /** What `integrations.github[].apiBaseUrl` should say. */
  get apiBaseUrl(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  addRepository(
    fullName: string,
    content: Partial<FakeRepository> = {},
  ): FakeRepository {
    const repository: FakeRepository = {
      runs: [],
      jobs: {},
      artifacts: {},
      workflows: [],
      refs: ['main'],
      ...content,
    };
    this.#repositories.set(fullName.toLowerCase(), repository);
    return repository;
  }

  /** The hourly budget left, and when it resets (epoch seconds). */
  setBudget(remaining: number, reset = this.#reset): void {
    this.#remaining = remaining;
    this.#reset = reset;
  }

  get reset(): number {
    return this.#reset;
  }

  /** Refuse everything with a secondary limit until called without one. */
  secondaryLimit(limit?: { status: 403 | 429; retryAfter?: number }): void {
    this.#secondary = limit;
  }

  /** Answer the next requests with these server errors, in turn. */
  failNext(...statuses: number[]): void {
    this.#failures.push(...statuses);
  }

  requestsTo(pathPattern: RegExp): RecordedRequest[] {
    return this.requests.filter(r => pathPattern.test(r.path));
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise(resolve => this.#server.close(resolve));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiBaseUrl);
    const raw = await readBody(req);
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: raw ? JSON.parse(raw) : undefined,
      headers: {
        accept: req.headers.accept,
        apiVersion: req.headers['x-github-api-version'] as string | undefined,
        authorization: req.headers.authorization,
      },
    });
    const send = (status: number, body?: unknown, headers = {}) => {
      res.writeHead(status, {
        ...this.#rateLimitHeaders(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };

    const auth = req.headers.authorization;
    if (!auth) {
      send(401, {
        message: 'Requires authentication',
        documentation_url: DOCS,
      });
      return;
    }
    if (auth !== `Bearer ${this.#token}` && auth !== `token ${this.#token}`) {
      send(401, { message: 'Bad credentials', documentation_url: DOCS });
      return;
    }
    if (this.#secondary) {
      const { status, retryAfter } = this.#secondary;
      send(
        status,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
        },
        retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
      );
      return;
    }
    if (this.#remaining <= 0) {
      send(403, {
        message: 'API rate limit exceeded for user ID 1.',
        documentation_url: RATE_LIMIT_DOCS,
      });
      return;
    }
    this.#remaining -= 1;
    const failure = this.#failures.shift();
    if (failure) {
      send(failure, { message: 'Server Error' });
      return;
    }
    const [status, body, headers] = this.#route(req.method ?? 'GET', url, raw);
    send(status, body, headers);
  }

  #route(
    method: string,
    url: URL,
    raw: string,
  ): [number, unknown?, Record<string, string>?] {
    const notFound: [number, unknown] = [
      404,
      { message: 'Not Found', documentation_url: DOCS },
    ];
    const match =
      /^\/repos\/([\w.-]+\/[\w.-]+)\/actions\/(runs|workflows)(?:\/([^/]+))?(?:\/([\w-]+))?$/.exec(
        url.pathname,
      );
    const repository = match && this.#repositories.get(match[1].toLowerCase());
    if (!match || !repository) {
      return notFound;
    }
    const [, , collection, id, action] = match;
    if (collection === 'runs' && method === 'GET' && !id) {
      const since = url.searchParams.get('created')?.replace(/^>=/, '');
      const runs = repository.runs
        .filter(r => !since || Date.parse(r.created_at) >= Date.parse(since))
        .sort(
          (a, b) =>
            Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id,
        );
      return this.#page(url, runs, 'workflow_runs');
    }
    if (
      collection === 'workflows' &&
      method === 'POST' &&
      action === 'dispatches'
    ) {
      return this.#dispatch(repository, decodeURIComponent(id ?? ''), raw);
    }
    const run = repository.runs.find(r => String(r.id) === id);
    if (collection !== 'runs' || !run) {
      return notFound;
    }
    if (method === 'GET' && action === 'jobs') {
      const jobs = repository.jobs[id!] ?? [];
      const latest =
        url.searchParams.get('filter') === 'all'
          ? jobs
          : jobs.filter(j => j.run_attempt === (run.run_attempt ?? 1));
      return this.#page(url, latest, 'jobs');
    }
    if (method === 'GET' && action === 'artifacts') {
      return this.#page(url, repository.artifacts[id!] ?? [], 'artifacts');
    }
    if (method === 'POST' && action === 'rerun-failed-jobs') {
      return [201, {}];
    }
    return notFound;
  }

  #dispatch(
    repository: FakeRepository,
    workflowId: string,
    raw: string,
  ): [number, unknown?] {
    const workflow = repository.workflows.find(
      w => String(w.id) === workflowId || w.path.endsWith(`/${workflowId}`),
    );
    if (!workflow) {
      return [404, { message: 'Not Found', documentation_url: DOCS }];
    }
    const body = raw ? JSON.parse(raw) : {};
    const invalid = (message: string): [number, unknown] => [
      422,
      {
        message,
        documentation_url: `${DOCS}/actions/workflows#create-a-workflow-dispatch-event`,
      },
    ];
    if (typeof body.ref !== 'string') {
      return invalid('Invalid request.\n\n"ref" wasn\'t supplied.');
    }
    if (!workflow.dispatchable) {
      return invalid("Workflow does not have 'workflow_dispatch' trigger");
    }
    const ref = body.ref.replace(/^refs\/(heads|tags)\//, '');
    if (!repository.refs.includes(ref)) {
      return invalid(`No ref found for: ${body.ref}`);
    }
    return [204];
  }

  /** GitHub's pagination: `page`, `per_page` (≤ 100) and a Link header. */
  #page(
    url: URL,
    items: any[],
    key: string,
  ): [number, unknown, Record<string, string>] {
    const perPage = Math.min(
      Number(url.searchParams.get('per_page') ?? DEFAULT_PER_PAGE),
      MAX_PER_PAGE,
    );
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => {
      const target = new URL(url);
      target.searchParams.set('page', String(n));
      return `<${target}>; rel="${rel}"`;
    };
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
    ];
    return [
      200,
      {
        total_count: items.length,
        [key]: items.slice((page - 1) * perPage, page * perPage),
      },
      links.length > 0 ? { link: links.join(', ') } : {},
    ];
  }

  #rateLimitHeaders(): Record<string, string> {
    return {
      'x-ratelimit-limit': String(HOURLY_LIMIT),
      'x-ratelimit-remaining': String(this.#remaining),
      'x-ratelimit-used': String(HOURLY_LIMIT - this.#remaining),
      'x-ratelimit-reset': String(this.#reset),
      'x-ratelimit-resource': 'core',
    };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * A workflow run as `GET /repos/{owner}/{repo}/actions/runs` lists it,
 * from the octokit example of a completed run, in `repository`.
 */
export function restWorkflowRun(
  repository: string,
  options: {
    id: number;
    createdAt: number;
    updatedAt?: number;
    status?: string;
    conclusion?: string | null;
    runAttempt?: number;
  },
): any {
  const run = githubExample('workflow_run', 1).workflow_run;
  const updatedAt = options.updatedAt ?? options.createdAt + 60_000;
  const status = options.status ?? 'completed';
  const defaultConclusion = status === 'completed' ? 'success' : null;
  return {
    ...run,
    id: options.id,
    name: 'CI',
    run_number: options.id % 10_000,
    run_attempt: options.runAttempt ?? 1,
    status,
    conclusion:
      options.conclusion === undefined ? defaultConclusion : options.conclusion,
    created_at: iso(options.createdAt),
    run_started_at: iso(options.createdAt),
    updated_at: iso(updatedAt),
    html_url: `https://github.com/${repository}/actions/runs/${options.id}`,
    url: `https://api.github.com/repos/${repository}/actions/runs/${options.id}`,
    repository: { ...run.repository, full_name: repository },
    head_repository: { ...run.head_repository, full_name: repository },
  };
}

/** A job of `run` as `GET .../runs/{run_id}/jobs` lists it. */
export function restJob(run: any, options: { id: number; name?: string }) {
  const job = githubExample('workflow_job', 1).workflow_job;
  const repository = run.repository.full_name;
  return {
    ...job,
    id: options.id,
    run_id: run.id,
    run_attempt: run.run_attempt,
    name: options.name ?? job.name,
    head_sha: run.head_sha,
    status: run.status,
    conclusion: run.conclusion,
    run_url: `https://api.github.com/repos/${repository}/actions/runs/${run.id}`,
    html_url: `https://github.com/${repository}/actions/runs/${run.id}/job/${options.id}`,
    created_at: run.created_at,
    started_at: run.run_started_at,
    completed_at: run.status === 'completed' ? run.updated_at : null,
  };
}

/** An artifact of `run` as `GET .../runs/{run_id}/artifacts` lists it. */
export function restArtifact(
  run: any,
  options: {
    id: number;
    name: string;
    sizeInBytes?: number;
    digest?: string | null;
    expired?: boolean;
  },
) {
  const repository = run.repository.full_name;
  const api = `https://api.github.com/repos/${repository}/actions/artifacts/${options.id}`;
  return {
    id: options.id,
    node_id: Buffer.from(`Artifact${options.id}`).toString('base64'),
    name: options.name,
    size_in_bytes: options.sizeInBytes ?? 556,
    url: api,
    archive_download_url: `${api}/zip`,
    expired: options.expired ?? false,
    created_at: run.updated_at,
    expires_at: iso(Date.parse(run.updated_at) + 90 * 86_400_000),
    updated_at: run.updated_at,
    digest:
      options.digest === undefined
        ? `sha256:${'0123456789abcdef'.repeat(4)}`
        : options.digest,
    workflow_run: {
      id: run.id,
      repository_id: run.repository.id,
      head_repository_id: run.repository.id,
      head_branch: run.head_branch,
      head_sha: run.head_sha,
    },
  };
}
