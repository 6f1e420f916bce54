import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { BackfillConfig } from './backfillConfig';
import { RunBackfiller } from './RunBackfiller';

export const BACKFILL_TASK_ID = 'pipelines-github-backfill';
/** Lets a new replica settle (catalog, migrations) before it asks GitHub. */
const INITIAL_DELAY = { minutes: 2 };
/** Time enough for a sweep of many repositories at a short frequency. */
const MIN_TIMEOUT_MINUTES = 10;

/**
 * Schedules the GitHub backfill in the global scope, so that however many
 * replicas run, one sweep runs at a time. It is on when configured so, or
 * by default when the GitHub integration has a token or an app; without
 * either (the local default) nothing is scheduled and nothing is logged.
 * Returns whether it was scheduled.
 */
export async function scheduleBackfill(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  backfiller: RunBackfiller;
  config: BackfillConfig;
}): Promise<boolean> {
  const { scheduler, logger, backfiller, config } = options;
  if (config.enabled === false) {
    return false;
  }
  if (!backfiller.githubConfigured) {
    if (config.enabled) {
      throw new Error(
        'pipelines.backfill.enabled is true, but integrations.github has no token or GitHub App for github.com',
      );
    }
    return false;
  }
  await scheduler.scheduleTask({
    id: BACKFILL_TASK_ID,
    frequency: { minutes: config.frequencyMinutes },
    // A sweep that outlives this is stopped (it keeps what it stored)
    // rather than holding the task's lock indefinitely.
    timeout: {
      minutes: Math.max(config.frequencyMinutes, MIN_TIMEOUT_MINUTES),
    },
    initialDelay: INITIAL_DELAY,
    fn: async signal => {
      await backfiller.sweep({ signal });
    },
  });
  logger.info('Scheduled the GitHub backfill', {
    frequencyMinutes: config.frequencyMinutes,
    lookbackHours: config.lookbackHours,
  });
  return true;
}
