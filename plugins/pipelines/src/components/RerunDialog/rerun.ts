import type { WorkflowRun } from '@finops/plugin-pipelines-common';

/** The conclusions GitHub's "re-run failed jobs" applies to (as the backend). */
const RERUNNABLE_CONCLUSIONS = new Set([
  'failure',
  'timed_out',
  'cancelled',
  'startup_failure',
]);

/** Whether a run has failed jobs GitHub can run again. */
export function canRerunFailedJobs(run: WorkflowRun): boolean {
  return (
    run.status === 'completed' &&
    run.conclusion !== null &&
    RERUNNABLE_CONCLUSIONS.has(run.conclusion)
  );
}
