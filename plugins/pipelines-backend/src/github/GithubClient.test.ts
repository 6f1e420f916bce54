import { ConfigReader } from '@backstage/config';
import {
  GithubApiServer,
  restArtifact,
  restJob,
  restWorkflowRun,
} from '../__testUtils__/githubApiServer';
import {
  GithubApiError,
  GithubClient,
  GithubRateLimitError,
} from './GithubClient';

const TOKEN = 'ghp_testtokenthatmustnotleak0123456789';
const REPO = 'octo-org/octo-repo';
const HOUR = 3_600_000;
const NOW = Date.now();

describe('GithubClient', () => {
  let server: GithubApiServer;

  beforeEach(async () => {
    server = await GithubApiServer.start({ token: TOKEN });
  });

  afterEach(async () => {
    await server.close();
  });

  function client(token = TOKEN) {
    return GithubClient.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            { host: 'github.com', apiBaseUrl: server.apiBaseUrl, token },
          ],
        },
      }),
      { retryDelayMs: 1 },
    );
  }

  async function failure(promise: Promise<unknown>): Promise<any> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  }

  it('follows the pages of runs created since then, with its headers', async () => {
    const runs = Array.from({ length: 230 }, (_, i) =>
      restWorkflowRun(REPO, { id: 1000 + i, createdAt: NOW - i * 60_000 }),
    );
    const old = restWorkflowRun(REPO, { id: 999, createdAt: NOW - 48 * HOUR });
    server.addRepository(REPO, { runs: [...runs, old] });
    const github = client();

    const listed = await github.listWorkflowRuns(REPO, {
      createdSince: NOW - 24 * HOUR,
    });

    expect(listed.map(r => r.id).sort()).toEqual(runs.map(r => r.id).sort());
    const requests = server.requestsTo(/\/actions\/runs$/);
    expect(requests.map(r => r.query.page)).toEqual(['1', '2', '3']);
    expect(requests[0].query).toEqual(
      expect.objectContaining({
        per_page: '100',
        created: expect.stringMatching(/^>=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/),
      }),
    );
    expect(requests[0].headers).toEqual({
      accept: 'application/vnd.github+json',
      apiVersion: '2022-11-28',
      authorization: `Bearer ${TOKEN}`,
    });
    expect(github.rateLimit).toEqual({
      limit: 5000,
      remaining: 4997,
      resetAt: server.reset * 1000,
    });

    const bounded = await github.listWorkflowRuns(REPO, {
      createdSince: NOW - 24 * HOUR,
      maxPages: 2,
    });
    expect(bounded).toHaveLength(200);
  });

  it('lists the latest jobs and the artifacts with a browser link', async () => {
    const run = restWorkflowRun(REPO, { id: 42, createdAt: NOW });
    const rerun = { ...run, run_attempt: 2 };
    server.addRepository(REPO, {
      runs: [rerun],
      jobs: {
        42: [restJob(run, { id: 1 }), restJob(rerun, { id: 2, name: 'test' })],
      },
      artifacts: {
        42: [
          restArtifact(run, { id: 7, name: 'dist', sizeInBytes: 1234 }),
          restArtifact(run, {
            id: 8,
            name: 'old',
            digest: null,
            expired: true,
          }),
          // Longer than a name may be: left out, the others kept.
          restArtifact(run, { id: 9, name: 'x'.repeat(300) }),
        ],
      },
    });
    const github = client();

    const jobs = await github.listJobs(REPO, '42');
    expect(jobs.map(j => [j.id, j.name])).toEqual([[2, 'test']]);
    expect(server.requestsTo(/\/jobs$/)[0].query.filter).toBe('latest');

    expect(await github.listArtifacts(REPO, '42')).toEqual([
      {
        id: 7,
        name: 'dist',
        sizeBytes: 1234,
        digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        url: `https://github.com/${REPO}/actions/runs/42/artifacts/7`,
        expired: false,
        createdAt: Date.parse(run.updated_at),
      },
      expect.objectContaining({ name: 'old', digest: null, expired: true }),
    ]);
  });

  it('reruns failed jobs and dispatches workflows with their inputs', async () => {
    server.addRepository(REPO, {
      runs: [restWorkflowRun(REPO, { id: 42, createdAt: NOW })],
      workflows: [
        { id: 11, path: '.github/workflows/deploy.yml', dispatchable: true },
        { id: 12, path: '.github/workflows/ci.yml', dispatchable: false },
      ],
      refs: ['main', 'v1.2.0'],
    });
    const github = client();

    await github.rerunFailedJobs(REPO, '42');
    await github.dispatchWorkflow(REPO, 'deploy.yml', 'v1.2.0', {
      environment: 'production',
    });
    await github.dispatchWorkflow(REPO, '11', 'refs/heads/main', {});

    expect(
      server.requests
        .filter(r => r.method === 'POST')
        .map(r => [r.path, r.body]),
    ).toEqual([
      [`/repos/${REPO}/actions/runs/42/rerun-failed-jobs`, {}],
      [
        `/repos/${REPO}/actions/workflows/deploy.yml/dispatches`,
        { ref: 'v1.2.0', inputs: { environment: 'production' } },
      ],
      [
        `/repos/${REPO}/actions/workflows/11/dispatches`,
        { ref: 'refs/heads/main', inputs: {} },
      ],
    ]);
  });

  it("throws GitHub's message for 404 and 422", async () => {
    server.addRepository(REPO, {
      workflows: [
        { id: 12, path: '.github/workflows/ci.yml', dispatchable: false },
        { id: 11, path: '.github/workflows/deploy.yml', dispatchable: true },
      ],
    });
    const github = client();

    const missing = await failure(
      github.listWorkflowRuns('octo-org/gone', { createdSince: NOW }),
    );
    expect(missing).toBeInstanceOf(GithubApiError);
    expect(missing.status).toBe(404);
    expect(missing.message).toBe(
      'GitHub answered 404 to GET /repos/octo-org/gone/actions/runs: Not Found',
    );
    expect(missing.documentationUrl).toBe('https://docs.github.com/rest');

    const noTrigger = await failure(
      github.dispatchWorkflow(REPO, 'ci.yml', 'main', {}),
    );
    expect(noTrigger).toBeInstanceOf(GithubApiError);
    expect(noTrigger.status).toBe(422);
    expect(noTrigger.message).toContain(
      "Workflow does not have 'workflow_dispatch' trigger",
    );
    const noRef = await failure(
      github.dispatchWorkflow(REPO, 'deploy.yml', 'nope', {}),
    );
    expect(noRef.status).toBe(422);
    expect(noRef.message).toContain('No ref found for: nope');
    const noWorkflow = await failure(
      github.dispatchWorkflow(REPO, 'other.yml', 'main', {}),
    );
    expect(noWorkflow.status).toBe(404);
  });

  it('says when to come back after a primary rate limit', async () => {
    server.addRepository(REPO);
    const reset = Math.floor(NOW / 1000) + 1800;
    server.setBudget(1, reset);
    const github = client();

    await github.listWorkflowRuns(REPO, { createdSince: NOW });
    expect(github.rateLimit?.remaining).toBe(0);
    const error = await failure(
      github.listWorkflowRuns(REPO, { createdSince: NOW }),
    );

    expect(error).toBeInstanceOf(GithubRateLimitError);
    expect(error).not.toBeInstanceOf(GithubApiError);
    expect(error.status).toBe(403);
    expect(error.limit).toBe('primary');
    expect(error.resetAt).toBe(reset * 1000);
    expect(error.message).toContain('API rate limit exceeded');
    // A refusal is not retried: one listing request, one refused.
    expect(server.requests).toHaveLength(2);
  });

  it('says when to come back after a secondary rate limit', async () => {
    server.addRepository(REPO);
    const github = client();

    server.secondaryLimit({ status: 429, retryAfter: 120 });
    const before = Date.now();
    const withRetryAfter = await failure(
      github.listWorkflowRuns(REPO, { createdSince: NOW }),
    );
    expect(withRetryAfter).toBeInstanceOf(GithubRateLimitError);
    expect(withRetryAfter.limit).toBe('secondary');
    expect(withRetryAfter.resetAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(withRetryAfter.resetAt).toBeLessThanOrEqual(Date.now() + 120_000);
    // The headers still show budget; the refusal is what counts.
    expect(github.rateLimit).toEqual(
      expect.objectContaining({
        remaining: 0,
        resetAt: withRetryAfter.resetAt,
      }),
    );

    server.secondaryLimit({ status: 403 });
    const withoutRetryAfter = await failure(github.rerunFailedJobs(REPO, '1'));
    expect(withoutRetryAfter).toBeInstanceOf(GithubRateLimitError);
    expect(withoutRetryAfter.status).toBe(403);
    expect(withoutRetryAfter.resetAt).toBeGreaterThanOrEqual(before + 60_000);
  });

  it('retries reads that fail with 5xx, but not writes', async () => {
    server.addRepository(REPO, {
      runs: [restWorkflowRun(REPO, { id: 42, createdAt: NOW })],
    });
    const github = client();

    server.failNext(502, 503);
    const runs = await github.listWorkflowRuns(REPO, { createdSince: NOW });
    expect(runs.map(r => r.id)).toEqual([42]);
    expect(server.requests).toHaveLength(3);

    server.failNext(500, 500, 500);
    const failed = await failure(github.listJobs(REPO, '42'));
    expect(failed).toBeInstanceOf(GithubApiError);
    expect(failed.status).toBe(500);
    expect(server.requests).toHaveLength(6);

    server.failNext(502);
    const write = await failure(github.rerunFailedJobs(REPO, '42'));
    expect(write.status).toBe(502);
    expect(server.requests).toHaveLength(7);
  });

  it('never puts the token in an error', async () => {
    server.addRepository(REPO);
    const wrong = `${TOKEN}-revoked`;
    const error = await failure(
      client(wrong).listWorkflowRuns(REPO, { createdSince: NOW }),
    );

    expect(error).toBeInstanceOf(GithubApiError);
    expect(error.status).toBe(401);
    expect(error.message).toContain('Bad credentials');
    const everything = `${error.message} ${error.stack} ${JSON.stringify(
      error,
    )}`;
    expect(everything).not.toContain(TOKEN);
  });

  it('says that GitHub is not configured, without asking it', async () => {
    server.addRepository(REPO);
    const github = GithubClient.fromConfig(new ConfigReader({}));

    expect(github.configured).toBe(false);
    const error = await failure(
      github.listWorkflowRuns(REPO, { createdSince: NOW }),
    );
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toMatch(/^GitHub is not configured/);
    expect(client().configured).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});
