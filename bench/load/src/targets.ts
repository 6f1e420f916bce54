/*
 * The load targets of the hardening issue, on this two-core machine, kept
 * here rather than in unit tests (a shared machine is too noisy to gate a
 * build on timings):
 *
 *   1. our read routes no slower than the stock catalog route at the same
 *      rate: p50 and p99 each at most the anchor's (ratio ≤ 1), at every
 *      rate, with no errors and without saturating;
 *   2. p99 under 100 ms at 500 requests per second, for every route (the
 *      anchor's own figure says what the machine allows).
 *
 * A route that saturated (fell more than --saturation seconds behind its
 * rate) misses both at that rate and is not run at higher rates. Missed targets are reported with the gap, not as an exit status.
 */
export const TARGET_RATE = 500;
export const MAX_P99_MS = 100;

export interface StepFigures {
  route: string;
  kind: string;
  rate: number;
  ran: boolean;
  saturated: boolean;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  throughput: number;
  /** The anchor this step is compared with: its turns next to a read route, else all of the rate's. */
  anchorP50Ms: number;
  anchorP99Ms: number;
  p50Ratio: number;
  p99Ratio: number;
}

export interface TargetResult {
  target: 'no slower than the anchor' | 'p99 under 100 ms at 500/s';
  route: string;
  pass: boolean;
  /** What was measured, or the gap when missed. */
  detail: string;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const ratio = (v: number) => `${v.toFixed(2)}×`;

export function checkTargets(steps: StepFigures[]): TargetResult[] {
  const results: TargetResult[] = [];
  const routeIds = [...new Set(steps.map(s => s.route))];

  for (const route of routeIds) {
    const own = steps.filter(s => s.route === route);
    if (own[0].kind === 'read') {
      const gaps: string[] = [];
      for (const s of own) {
        if (!s.ran) gaps.push(`not run at ${s.rate}/s (saturated before)`);
        else if (s.saturated) gaps.push(saturation(s));
        else if (s.errors > 0) gaps.push(`${s.errors} errors at ${s.rate}/s`);
        else if (s.p50Ratio > 1 || s.p99Ratio > 1) {
          gaps.push(
            `at ${s.rate}/s p50 ${ratio(s.p50Ratio)} (${ms(s.p50Ms)} vs ${ms(
              s.anchorP50Ms,
            )}), p99 ${ratio(s.p99Ratio)} (${ms(s.p99Ms)} vs ${ms(
              s.anchorP99Ms,
            )})`,
          );
        }
      }
      results.push({
        target: 'no slower than the anchor',
        route,
        pass: gaps.length === 0,
        detail:
          gaps.length === 0
            ? `p50 ≤ ${ratio(
                Math.max(...own.map(s => s.p50Ratio)),
              )}, p99 ≤ ${ratio(
                Math.max(...own.map(s => s.p99Ratio)),
              )} of the anchor at ${own.map(s => s.rate).join(', ')}/s`
            : gaps.join('; '),
      });
    }
    if (own[0].kind === 'overhead') continue;
    const at = own
      .filter(s => s.rate >= TARGET_RATE)
      .sort((a, b) => a.rate - b.rate)[0];
    let pass = false;
    let detail: string;
    if (!at) {
      detail = `no step at ${TARGET_RATE}/s or above (see --rates)`;
    } else if (!at.ran) {
      detail = `not run: saturated at a lower rate`;
    } else if (at.saturated) {
      detail = saturation(at);
    } else if (at.errors > 0) {
      detail = `${at.errors} errors; p99 ${ms(at.p99Ms)}`;
    } else {
      pass = at.p99Ms < MAX_P99_MS;
      detail = pass
        ? `p99 ${ms(at.p99Ms)} at ${at.rate}/s`
        : `p99 ${ms(at.p99Ms)} at ${at.rate}/s: ${ms(
            at.p99Ms - MAX_P99_MS,
          )} over`;
    }
    results.push({ target: 'p99 under 100 ms at 500/s', route, pass, detail });
  }
  return results;
}

function saturation(s: StepFigures): string {
  return `saturated at ${s.rate}/s: answered ${s.throughput.toFixed(
    0,
  )}/s, p99 ${ms(s.p99Ms)}`;
}
