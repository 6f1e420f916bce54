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
import {
  backfillerFor,
  GITHUB_TOKEN,
  repoEntity,
} from './__testUtils__/backfillFixture';

jest.setTimeout(60_000);

const HELLO = 'Codertocat/Hello-World';
const OCTO = 'octo-org/octo-repo';
const HOUR = 3_600_000;

describe.each(storeDatabases.eachSupportedId())(
  'RunBackfiller under rate limits on %p',
  id => {
    let server: GithubApiServer;
    const clock = { now: Date.now() };
    const entities = [
      repoEntity('hello-world', HELLO),
      repoEntity('octo-repo', OCTO),
    ];

    beforeEach(async () => {
      clock.now = Date.now();
      server = await GithubApiServer.start({ token: GITHUB_TOKEN });
      // Swept in this order: Hello-World (two completed runs, newest
      // first), octo-repo.
      const first = restWorkflowRun(HELLO, {
        id: 101,
        createdAt: clock.now - 2 * HOUR,
      });
      const second = restWorkflowRun(HELLO, {
        id: 102,
        createdAt: clock.now - HOUR,
      });
      server.addRepository(HELLO, {
        runs: [first, second],
        jobs: {
          101: [restJob(first, { id: 1011 })],
          102: [restJob(second, { id: 1021 })],
        },
        artifacts: {
          101: [restArtifact(first, { id: 501, name: 'dist' })],
          102: [restArtifact(second, { id: 502, name: 'dist' })],
        },
      });
      const octoRun = restWorkflowRun(OCTO, {
        id: 201,
        createdAt: clock.now - HOUR,
      });
      server.addRepository(OCTO, {
        runs: [octoRun],
        jobs: { 201: [restJob(octoRun, { id: 2011 })] },
      });
    });

    afterEach(async () => {
      await server.close();
    });

    it('stops when the budget runs out, keeps what it stored, and resumes after the reset', async () => {
      const knex = await migratedDatabase(id);
      const { backfiller, runs, logger } = backfillerFor({
        knex,
        server,
        entities,
        clock,
      });
      // Enough for the list of runs and the newest run's jobs and artifacts.
      const reset = Math.floor(clock.now / 1000) + 1200;
      server.setBudget(3, reset);

      const stopped = await backfiller.sweep();

      expect(stopped).toEqual({
        repositories: 0,
        skippedRepositories: 0,
        runs: 2,
        jobs: 1,
        artifacts: 1,
        stoppedForRateLimit: true,
        resumeAt: reset * 1000,
      });
      // GitHub said none was left: not asked again to be refused.
      expect(server.requests).toHaveLength(3);
      expect((await runs.getRun('102'))?.artifacts).toHaveLength(1);
      expect((await runs.getRun('101'))?.jobs).toEqual([]);
      expect(await runs.getRun('201')).toBeUndefined();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'Stopped the GitHub backfill for the rate limit',
        ),
        expect.objectContaining({
          resumeAt: new Date(reset * 1000).toISOString(),
        }),
      );

      // Before the reset: nothing is asked.
      const early = await backfiller.sweep();
      expect(early.stoppedForRateLimit).toBe(true);
      expect(server.requests).toHaveLength(3);

      // After it, GitHub may still refuse: that stops the sweep the same way.
      const later = reset + 600;
      server.setBudget(0, later);
      clock.now = reset * 1000 + 1000;
      const refused = await backfiller.sweep();
      expect(refused).toEqual(
        expect.objectContaining({
          runs: 0,
          stoppedForRateLimit: true,
          resumeAt: later * 1000,
        }),
      );
      expect(server.requests).toHaveLength(4);

      server.setBudget(5000, later + 3600);
      clock.now = later * 1000 + 1000;
      const resumed = await backfiller.sweep();

      expect(resumed).toEqual(
        expect.objectContaining({
          repositories: 2,
          jobs: 2,
          artifacts: 1,
          stoppedForRateLimit: false,
          resumeAt: null,
        }),
      );
      expect((await runs.getRun('101'))?.jobs).toHaveLength(1);
      expect((await runs.getRun('201'))?.jobs).toHaveLength(1);
    });

    it('keeps the reserve of the budget without being refused', async () => {
      const knex = await migratedDatabase(id);
      const { backfiller, runs } = backfillerFor({
        knex,
        server,
        entities,
        clock,
        rateLimitReserve: 100,
      });
      server.setBudget(102);

      const summary = await backfiller.sweep();

      expect(summary.stoppedForRateLimit).toBe(true);
      expect(summary.resumeAt).toBe(server.reset * 1000);
      // The list and the newest run's jobs and artifacts: then 99 left.
      expect(server.requests.map(r => r.path)).toEqual([
        `/repos/${HELLO}/actions/runs`,
        `/repos/${HELLO}/actions/runs/102/jobs`,
        `/repos/${HELLO}/actions/runs/102/artifacts`,
      ]);
      expect((await runs.getRun('102'))?.jobs).toHaveLength(1);
      expect((await runs.getRun('101'))?.jobs).toEqual([]);
    });

    it('stops for a secondary rate limit until GitHub says', async () => {
      const knex = await migratedDatabase(id);
      const { backfiller } = backfillerFor({ knex, server, entities, clock });
      server.secondaryLimit({ status: 429, retryAfter: 90 });
      const before = Date.now();

      const summary = await backfiller.sweep();

      expect(summary.stoppedForRateLimit).toBe(true);
      expect(summary.runs).toBe(0);
      expect(summary.resumeAt).toBeGreaterThanOrEqual(before + 90_000);
      expect(summary.resumeAt).toBeLessThanOrEqual(Date.now() + 90_000);
      expect(server.requests).toHaveLength(1);

      const early = await backfiller.sweep();
      expect(early.stoppedForRateLimit).toBe(true);
      expect(server.requests).toHaveLength(1);
    });
  },
);
