import { GoldenSignal } from '@finops/plugin-health-common';
import { HealthSettings } from './healthConfig';

type Metrics = HealthSettings['metrics'];

/** `{a="b",extra}`: the entity's matchers plus more. */
export function matchers(selector: string, ...extra: string[]): string {
  return `{${[selector, ...extra].filter(m => m !== '').join(',')}}`;
}

/**
 * The textual forms a histogram's `le` label may take for a number:
 * clients write 0.25 or 0.250, 1 or 1.0.
 */
export function leForms(threshold: number): string {
  const plain = String(threshold);
  const forms = new Set([plain, threshold.toFixed(1), `${plain}0`]);
  if (Number.isInteger(threshold)) forms.add(`${threshold}.0`);
  return [...forms]
    .filter(form => Number(form) === threshold)
    .map(form => form.replace(/\./g, '\\\\.'))
    .join('|');
}

/** The default PromQL of each golden signal. */
export function signalQueries(
  selector: string,
  metrics: Metrics,
  rateWindow: string,
): Record<GoldenSignal, string> {
  const h = metrics.requestsHistogram;
  const all = matchers(selector);
  const errors = matchers(
    selector,
    `${metrics.statusLabel}=~"${metrics.errorStatusPattern}"`,
  );
  const quantile = (q: number) =>
    `histogram_quantile(${q}, sum by (le) (rate(${h}_bucket${all}[${rateWindow}])))`;
  return {
    'request-rate': `sum(rate(${h}_count${all}[${rateWindow}]))`,
    'error-ratio': `(sum(rate(${h}_count${errors}[${rateWindow}])) or vector(0)) / sum(rate(${h}_count${all}[${rateWindow}]))`,
    'latency-p50': quantile(0.5),
    'latency-p90': quantile(0.9),
    'latency-p99': quantile(0.99),
    saturation: `sum(rate(${metrics.cpuSeconds}${all}[${rateWindow}]))`,
  };
}

/** Bad and total requests of an SLO, as PromQL over a window placeholder. */
export interface SloQueries {
  /** The share of bad requests over `[$w]`; empty without traffic. */
  badRatio(window: string): string;
  good: string;
  total: string;
}

export function availabilityQueries(
  selector: string,
  metrics: Metrics,
  windowDays: number,
): SloQueries {
  const h = metrics.requestsHistogram;
  const total = (w: string) =>
    `sum(increase(${h}_count${matchers(selector)}[${w}]))`;
  const bad = (w: string) =>
    `(sum(increase(${h}_count${matchers(
      selector,
      `${metrics.statusLabel}=~"${metrics.errorStatusPattern}"`,
    )}[${w}])) or vector(0))`;
  return {
    badRatio: w => `${bad(w)} / ${total(w)}`,
    good: `${total(`${windowDays}d`)} - ${bad(`${windowDays}d`)}`,
    total: total(`${windowDays}d`),
  };
}

export function latencyQueries(
  selector: string,
  metrics: Metrics,
  thresholdSeconds: number,
  windowDays: number,
): SloQueries {
  const h = metrics.requestsHistogram;
  const total = (w: string) =>
    `sum(increase(${h}_count${matchers(selector)}[${w}]))`;
  const fast = (w: string) =>
    `sum(increase(${h}_bucket${matchers(
      selector,
      `le=~"${leForms(thresholdSeconds)}"`,
    )}[${w}]))`;
  return {
    badRatio: w => `1 - ${fast(w)} / ${total(w)}`,
    good: fast(`${windowDays}d`),
    total: total(`${windowDays}d`),
  };
}

/** The histogram's bucket boundaries for the entity's series. */
export function bucketsQuery(selector: string, metrics: Metrics): string {
  return `count by (le) (${metrics.requestsHistogram}_bucket${matchers(
    selector,
  )})`;
}
