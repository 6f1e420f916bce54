import type { WorkflowJob } from '@finops/plugin-pipelines-common';

/** A job placed on the run's time axis, in milliseconds from its start. */
export interface TimelineBar {
  job: WorkflowJob;
  /** Undefined for a job that has not started. */
  startMs?: number;
  endMs?: number;
  running: boolean;
}

const time = (iso: string) => new Date(iso).getTime();

/**
 * Places each job relative to the earliest start among the run and its
 * jobs. A job still running reaches to `now`, so the axis grows with it.
 */
export function layoutTimeline(
  runStartedAt: string | null,
  jobs: WorkflowJob[],
  now: number,
): { bars: TimelineBar[]; totalMs: number } {
  const starts = [runStartedAt, ...jobs.map(j => j.startedAt)]
    .filter((t): t is string => Boolean(t))
    .map(time);
  if (starts.length === 0) {
    return {
      bars: jobs.map(job => ({ job, running: false })),
      totalMs: 0,
    };
  }
  const origin = Math.min(...starts);

  const bars = jobs.map((job): TimelineBar => {
    if (!job.startedAt) {
      return { job, running: false };
    }
    const running = !job.completedAt;
    return {
      job,
      startMs: time(job.startedAt) - origin,
      endMs: (job.completedAt ? time(job.completedAt) : now) - origin,
      running,
    };
  });
  const totalMs = Math.max(0, ...bars.map(bar => bar.endMs ?? 0));
  return { bars, totalMs };
}
