/*
 * The targets of the policy issue, kept here rather than in unit tests:
 * a shared two-core machine is too noisy for absolute timings to gate a
 * build, so latency is judged against the OPA server measured in the same
 * run. The throughput floor is absolute, as the issue sets it.
 */
import { Row, TargetResult } from './report';

/** Our endpoint with the embedded evaluator may take at most this × OPA's p99. */
export const MAX_P99_RATIO_TO_OPA_SERVER = 2;
/** Decisions per second our endpoint with the embedded evaluator must sustain. */
export const MIN_EMBEDDED_THROUGHPUT = 1_000;

export function checkTargets(rows: Row[]): TargetResult[] {
  const embedded = rows.find(r => r.id === 'c')!;
  return [
    {
      name: `(c) p99 ≤ ${MAX_P99_RATIO_TO_OPA_SERVER}× (b) p99`,
      value: embedded.p99Ratio,
      unit: '×',
      limit: MAX_P99_RATIO_TO_OPA_SERVER,
      pass: embedded.p99Ratio <= MAX_P99_RATIO_TO_OPA_SERVER,
    },
    {
      name: `(c) ≥ ${MIN_EMBEDDED_THROUGHPUT} decisions/s`,
      value: embedded.throughput,
      unit: 'decisions/s',
      limit: MIN_EMBEDDED_THROUGHPUT,
      pass: embedded.throughput >= MIN_EMBEDDED_THROUGHPUT,
    },
  ];
}
