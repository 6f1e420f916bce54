/*
 * Scheduled work with several replicas: the pipelines' GitHub backfill is
 * scheduled every minute by every replica, and must sweep once a minute in
 * all, not once per replica. Its sweeps are seen at GitHub's API (each
 * asks for each annotated repository's runs once), over the whole run of
 * these tests: two replicas, one killed and restarted meanwhile.
 *
 * The first slot runs late: each replica waits out the task's initial
 * delay (two minutes) on its own, while the shared schedule already has
 * the slot a minute after the second replica registered it; the scheduler
 * then counts the next slot from the missed one, so the second sweep may
 * follow the first within the minute. From then on, one sweep a minute.
 */
import { expect, sql, test } from './support/portal';
import { EXAMPLE_REPOSITORIES } from './support/world';

/** The backfill's interval (pipelines.backfill.frequency: 1 minute). */
const INTERVAL_MS = 60_000;
/** How early the next sweep may start: the scheduler's polling slack. */
const SLACK_MS = 10_000;

test('the backfill ran once per interval, not once per replica', async ({
  world,
}) => {
  // Each sweep asks for each repository's runs once (one page: they have
  // none), so the times of those requests are the times of the sweeps.
  const sweeps = (repository: string) =>
    world.githubRequests
      .filter(r => r.path === `/repos/${repository}/actions/runs`)
      .map(r => r.at);

  // The first sweep comes two minutes after the first replica started.
  test.setTimeout(300_000);
  await expect
    .poll(() => sweeps(EXAMPLE_REPOSITORIES[0]).length, {
      timeout: 240_000,
      intervals: [2_000],
    })
    .toBeGreaterThanOrEqual(3);

  for (const repository of EXAMPLE_REPOSITORIES) {
    const times = sweeps(repository);
    expect(times.length, repository).toBeGreaterThanOrEqual(3);
    // After the late first slot and its catch-up, one sweep a minute.
    for (let i = 2; i < times.length; i++) {
      expect(times[i] - times[i - 1], repository).toBeGreaterThan(
        INTERVAL_MS - SLACK_MS,
      );
    }
  }

  // One task row in the shared database, whichever replica runs it.
  const tasks = await sql(
    world.postgres.url('finops_portal'),
    `SELECT id FROM pipelines.backstage_backend_tasks__tasks ORDER BY id`,
  );
  expect(tasks.map(t => t.id)).toContain('pipelines-github-backfill');
  expect(new Set(tasks.map(t => t.id)).size).toBe(tasks.length);
});
