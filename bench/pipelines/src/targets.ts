/*
 * The targets of the pipelines issue, kept here rather than in unit tests
 * (a shared two-core machine is too noisy to gate a build on timings):
 *
 *   500 deliveries per second with p99 under 200 ms and none lost or
 *   duplicated; the DORA query p99 under 100 ms.
 *
 * "500 per second" is the step offered at 500/s (or the lowest one above),
 * sustained: every delivery answered 202, and the last answer came within
 * 200 ms of the last delivery's due time, so the backend kept pace to the
 * end instead of working off a queue afterwards. Its p99 is counted from
 * when each delivery was due. Lost and duplicated are counted in the
 * database over every delivery of the run.
 */
import { DoraRow } from './dora';
import { Step } from './report';
import { StorageCheck } from './verify';

export const TARGET_RATE = 500;
export const MAX_DELIVERY_P99_MS = 200;
export const MAX_DORA_P99_MS = 100;

export interface TargetResult {
  name: string;
  value: number;
  unit: string;
  limit: number;
  pass: boolean;
}

export function checkTargets(
  steps: Step[],
  storage: StorageCheck,
  dora: DoraRow[],
): TargetResult[] {
  const step = steps
    .filter(s => s.rate >= TARGET_RATE)
    .sort((a, b) => a.rate - b.rate)[0];
  // Without a step at 500/s or above the target is not measured: a miss.
  const unmeasured = step ? '' : ' (no step at that rate: see --rates)';
  const targets: TargetResult[] = [
    {
      name:
        `${step?.rate ?? TARGET_RATE} deliveries/s sustained (all 202, ` +
        `last answer ≤ ${MAX_DELIVERY_P99_MS} ms after the last was due)${unmeasured}`,
      value: step?.backend.drainMs ?? NaN,
      unit: 'ms',
      limit: MAX_DELIVERY_P99_MS,
      pass:
        !!step &&
        step.backend.errors === 0 &&
        step.backend.drainMs <= MAX_DELIVERY_P99_MS,
    },
    {
      name: `delivery p99 at ${
        step?.rate ?? TARGET_RATE
      }/s < ${MAX_DELIVERY_P99_MS} ms${unmeasured}`,
      value: step?.backend.p99Ms ?? NaN,
      unit: 'ms',
      limit: MAX_DELIVERY_P99_MS,
      pass: !!step && step.backend.p99Ms < MAX_DELIVERY_P99_MS,
    },
    {
      name: 'deliveries lost (all rates)',
      value: storage.lost,
      unit: '',
      limit: 0,
      pass: storage.lost === 0,
    },
    {
      name: 'deliveries duplicated (all rates)',
      value: storage.duplicated,
      unit: '',
      limit: 0,
      pass: storage.duplicated === 0,
    },
  ];
  for (const row of dora) {
    targets.push({
      name: `DORA p99 (${row.scope}) < ${MAX_DORA_P99_MS} ms`,
      value: row.p99Ms,
      unit: 'ms',
      limit: MAX_DORA_P99_MS,
      pass: row.errors === 0 && row.p99Ms < MAX_DORA_P99_MS,
    });
  }
  return targets;
}
