/*
 * An open-loop load generator, shared by the benchmarks: operation i is
 * started at start + i / rate whether or not earlier ones have finished
 * (as GitHub sends webhooks and as many independent users click: nobody
 * waits for our previous answer), so a slow target builds a queue instead
 * of slowing the load down. Latency is counted from the moment an
 * operation was due, not from when the generator got round to it, so that
 * a late generator cannot hide queueing (no coordinated omission); how
 * late it was is reported too. Every latency is kept; percentiles are
 * nearest-rank over all operations.
 *
 * `maxInFlight` bounds a step against a target that cannot keep up: once
 * that many operations are waiting for an answer the target is saturated,
 * nothing more is started (`unsent`), and the step ends when those in
 * flight are answered. Without it a benchmark of rising rates would wait
 * minutes for a queue to drain, and the figures past saturation say
 * nothing more than "saturated".
 */
import { percentile } from '../../policy/src/report';

const ERROR_SAMPLES = 3;

export interface OpenLoopResult {
  rate: number;
  operations: number;
  ok: number;
  errors: number;
  errorSamples: string[];
  /** Not started because `maxInFlight` operations were waiting. */
  unsent: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Successful operations per second, from the first due time to the last answer. */
  throughput: number;
  /** 99th percentile of how late operations were started. */
  lateP99Ms: number;
  /** The latest an operation was started, per second of the step. */
  lateMaxBySecondMs: number[];
  /** From the last started operation's due time to the last answer. */
  drainMs: number;
  /** Share of one core the generator used. */
  clientCpuPercent: number;
  /** p99 of the operations due in each second of the step. */
  p99BySecondMs: number[];
  /** When the last operation finished (ms, performance.now()). */
  lastAnswerAt: number;
  /** Every latency, ascending, with `keepLatencies` (to pool several steps). */
  latenciesMs?: number[];
}

export async function openLoop(
  count: number,
  rate: number,
  operation: (index: number) => Promise<void>,
  options: { maxInFlight?: number; keepLatencies?: boolean } = {},
): Promise<OpenLoopResult> {
  const maxInFlight = options.maxInFlight ?? Infinity;
  const latencies: number[] = [];
  const bySecond: number[][] = [];
  const lateMax: number[] = [];
  const late: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let inFlight = 0;
  let lastAnswerAt = 0;
  const cpuBefore = process.cpuUsage();
  const startAt = performance.now() + 5;
  const due = (i: number) => startAt + (i * 1000) / rate;
  const pending: Promise<void>[] = [];
  const begin = (index: number, dueAt: number) => {
    inFlight += 1;
    return operation(index).then(
      () => {
        inFlight -= 1;
        lastAnswerAt = performance.now();
        latencies.push(lastAnswerAt - dueAt);
        (bySecond[Math.floor(index / rate)] ??= []).push(lastAnswerAt - dueAt);
      },
      error => {
        inFlight -= 1;
        lastAnswerAt = performance.now();
        errors += 1;
        if (errorSamples.length < ERROR_SAMPLES) {
          errorSamples.push((error as Error).message);
        }
      },
    );
  };
  let next = 0;
  let saturated = false;
  while (next < count && !saturated) {
    const now = performance.now();
    while (next < count && due(next) <= now) {
      if (inFlight >= maxInFlight) {
        saturated = true;
        break;
      }
      const index = next++;
      const dueAt = due(index);
      late.push(now - dueAt);
      const second = Math.floor(index / rate);
      lateMax[second] = Math.max(lateMax[second] ?? 0, now - dueAt);
      pending.push(begin(index, dueAt));
    }
    if (next < count && !saturated) {
      const wait = due(next) - performance.now();
      await new Promise(r => setTimeout(r, Math.max(0, Math.floor(wait))));
    }
  }
  await Promise.all(pending);
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedS = (lastAnswerAt - startAt) / 1000;
  latencies.sort((a, b) => a - b);
  late.sort((a, b) => a - b);
  return {
    rate,
    operations: next,
    ok: latencies.length,
    errors,
    errorSamples,
    unsent: count - next,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
    throughput: latencies.length / elapsedS,
    lateP99Ms: percentile(late, 0.99),
    lateMaxBySecondMs: Array.from(lateMax, v => v ?? 0),
    drainMs: lastAnswerAt - due(Math.max(0, next - 1)),
    p99BySecondMs: Array.from(bySecond, second =>
      percentile(
        (second ?? []).sort((a, b) => a - b),
        0.99,
      ),
    ),
    clientCpuPercent: (cpu.user + cpu.system) / 1e4 / elapsedS,
    lastAnswerAt,
    ...(options.keepLatencies && { latenciesMs: latencies }),
  };
}
