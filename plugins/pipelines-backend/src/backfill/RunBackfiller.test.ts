import {
  GithubApiServer,
  restArtifact,
  restJob,
  restWorkflowRun,
} from '../__testUtils__/githubApiServer';
import {
  migratedDatabase,
  storeDatabases,
} from '../__testUtils__/storeDatabase';
import { RunRecord } from '../database/records';
import {
  backfillerFor,
  GITHUB_TOKEN,
  repoEntity,
} from './__testUtils__/backfillFixture';

jest.setTimeout(60_000);

const HELLO = 'Codertocat/Hello-World';
const OCTO = 'octo-org/octo-repo';
const HOUR = 3_600_000;

describe.each(storeDatabases.eachSupportedId())('RunBackfiller on %p', id => {
  let server: GithubApiServer;
  const clock = { now: Date.now() };

  beforeEach(async () => {
    clock.now = Date.now();
    server = await GithubApiServer.start({ token: GITHUB_TOKEN });
  });

  afterEach(async () => {
    await server.close();
  });

  const entities = [
    repoEntity('hello-world', HELLO),
    repoEntity('octo-repo', OCTO),
    repoEntity('gone', 'octo-org/gone'),
  ];

  /** Hello-World: two completed runs and one running; octo-repo: one. */
  function seedGithub() {
    const completed = restWorkflowRun(HELLO, {
      id: 101,
      createdAt: clock.now - 2 * HOUR,
      conclusion: 'failure',
    });
    const second = restWorkflowRun(HELLO, {
      id: 102,
      createdAt: clock.now - HOUR,
    });
    const running = restWorkflowRun(HELLO, {
      id: 103,
      createdAt: clock.now - 60_000,
      status: 'in_progress',
    });
    const tooOld = restWorkflowRun(HELLO, {
      id: 100,
      createdAt: clock.now - 30 * HOUR,
    });
    const hello = server.addRepository(HELLO, {
      runs: [completed, second, running, tooOld],
      jobs: {
        101: [restJob(completed, { id: 1011, name: 'build' })],
        102: [restJob(second, { id: 1021 }), restJob(second, { id: 1022 })],
        103: [restJob(running, { id: 1031 })],
      },
      artifacts: {
        101: [
          restArtifact(completed, { id: 501, name: 'dist', sizeInBytes: 2048 }),
          restArtifact(completed, { id: 502, name: 'logs', digest: null }),
        ],
      },
    });
    const octoRun = restWorkflowRun(OCTO, {
      id: 201,
      createdAt: clock.now - 3 * HOUR,
    });
    server.addRepository(OCTO, {
      runs: [octoRun],
      jobs: { 201: [restJob(octoRun, { id: 2011 })] },
    });
    // No entity claims it: never asked for.
    server.addRepository('someone/else', {
      runs: [
        restWorkflowRun('someone/else', { id: 301, createdAt: clock.now }),
      ],
    });
    return { hello, completed };
  }

  it('stores missed runs, their jobs and artifacts, and skips a repository GitHub refuses', async () => {
    const knex = await migratedDatabase(id);
    seedGithub();
    const { backfiller, runs, logger, signals } = backfillerFor({
      knex,
      server,
      entities,
      clock,
    });

    const summary = await backfiller.sweep();
    // Open pages of the two entities whose runs were stored hear of it.
    expect(signals.changed.mock.calls.sort()).toEqual([
      ['component:default/hello-world', 'runs'],
      ['component:default/octo-repo', 'runs'],
    ]);

    expect(summary).toEqual({
      repositories: 2,
      skippedRepositories: 1,
      runs: 4,
      jobs: 4,
      artifacts: 2,
      stoppedForRateLimit: false,
      resumeAt: null,
    });
    const run = await runs.getRun('101');
    expect(run).toEqual(
      expect.objectContaining({
        entityRef: 'component:default/hello-world',
        repository: HELLO,
        status: 'completed',
        conclusion: 'failure',
        jobs: [expect.objectContaining({ id: '1011', name: 'build' })],
        artifacts: [
          {
            name: 'dist',
            sizeBytes: 2048,
            digest: expect.stringMatching(/^sha256:/),
            url: `https://github.com/${HELLO}/actions/runs/101/artifacts/501`,
            expired: false,
          },
          expect.objectContaining({ name: 'logs', digest: null }),
        ],
      }),
    );
    expect((await runs.getRun('201'))?.entityRef).toBe(
      'component:default/octo-repo',
    );
    // Running: stored, its jobs left to the deliveries until it completes.
    expect((await runs.getRun('103'))?.jobs).toEqual([]);
    expect(server.requestsTo(/\/runs\/103\//)).toEqual([]);
    expect(await runs.getRun('100')).toBeUndefined();
    expect(server.requestsTo(/someone\/else/)).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Skipped a repository in the GitHub backfill',
      expect.objectContaining({ repository: 'octo-org/gone', status: 404 }),
    );
  });

  it('reads jobs and artifacts once per state of a run', async () => {
    const knex = await migratedDatabase(id);
    const { hello, completed } = seedGithub();
    const { backfiller, runs } = backfillerFor({
      knex,
      server,
      entities,
      clock,
    });
    await backfiller.sweep();
    const detailReads = () => server.requestsTo(/\/(jobs|artifacts)$/).length;
    const before = detailReads();

    const again = await backfiller.sweep();
    expect(again.jobs).toBe(0);
    expect(detailReads()).toBe(before);

    // A rerun of the failed jobs: a new attempt, a later updated_at.
    const rerun = {
      ...completed,
      run_attempt: 2,
      conclusion: 'success',
      updated_at: new Date(clock.now).toISOString(),
    };
    hello.runs[0] = rerun;
    hello.jobs[101].push(restJob(rerun, { id: 1012, name: 'build' }));
    hello.artifacts[101] = [restArtifact(rerun, { id: 503, name: 'dist' })];
    const third = await backfiller.sweep();

    expect(third).toEqual(expect.objectContaining({ jobs: 1, artifacts: 1 }));
    const run = await runs.getRun('101');
    expect(run?.conclusion).toBe('success');
    expect(run?.jobs.map(j => j.id)).toEqual(['1011', '1012']);
    expect(run?.artifacts.map(a => a.url)).toEqual([
      `https://github.com/${HELLO}/actions/runs/101/artifacts/503`,
    ]);
  });

  it('never moves a run back to an older state GitHub answers', async () => {
    const knex = await migratedDatabase(id);
    const { backfiller, runs } = backfillerFor({
      knex,
      server,
      entities,
      clock,
    });
    const created = clock.now - HOUR;
    const stale = restWorkflowRun(HELLO, {
      id: 101,
      createdAt: created,
      status: 'in_progress',
      updatedAt: created + 60_000,
    });
    const staleAttempt = restWorkflowRun(HELLO, {
      id: 102,
      createdAt: created,
      updatedAt: created + 120_000,
    });
    server.addRepository(HELLO, {
      runs: [stale, staleAttempt],
      jobs: { 102: [restJob(staleAttempt, { id: 1021 })] },
    });
    // What deliveries stored: 101 completed, 102 rerunning (attempt 2).
    const delivered = (
      runId: string,
      extra: Partial<RunRecord>,
    ): RunRecord => ({
      id: runId,
      entityRef: 'component:default/hello-world',
      repository: HELLO,
      workflowName: 'CI',
      runNumber: 1,
      runAttempt: 1,
      event: 'push',
      headBranch: 'main',
      headSha: stale.head_sha,
      actor: 'Codertocat',
      status: 'completed',
      conclusion: 'success',
      createdAt: created,
      runStartedAt: created,
      completedAt: created + 300_000,
      htmlUrl: stale.html_url,
      updatedAt: created + 300_000,
      ...extra,
    });
    await knex.transaction(async tx => {
      await runs.upsertRun(tx, delivered('101', {}));
      await runs.upsertRun(
        tx,
        delivered('102', {
          runAttempt: 2,
          status: 'in_progress',
          conclusion: null,
          completedAt: null,
        }),
      );
    });

    const summary = await backfiller.sweep();

    expect(summary.runs).toBe(2);
    expect(await runs.getRun('101')).toEqual(
      expect.objectContaining({ status: 'completed', conclusion: 'success' }),
    );
    expect(await runs.getRun('102')).toEqual(
      expect.objectContaining({ status: 'in_progress', runAttempt: 2 }),
    );
    // Attempt 1's jobs would describe a state the store has left behind.
    expect(server.requestsTo(/\/jobs$/)).toEqual([]);
  });
});
