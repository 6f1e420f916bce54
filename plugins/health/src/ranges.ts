import type { SignalRange } from './api';

/**
 * The ranges the health backend answers golden signals for, from the last
 * quarter of an hour (is the deploy I just did all right?) to a 28-day SLO
 * window.
 */
export const SIGNAL_RANGES: ReadonlyArray<{
  id: SignalRange;
  /** What the picker shows. */
  short: string;
  /** What a sentence says: "in the last 6 hours". */
  long: string;
}> = [
  { id: '15m', short: '15m', long: '15 minutes' },
  { id: '1h', short: '1h', long: 'hour' },
  { id: '6h', short: '6h', long: '6 hours' },
  { id: '24h', short: '24h', long: '24 hours' },
  { id: '7d', short: '7d', long: '7 days' },
  { id: '28d', short: '28d', long: '28 days' },
];

/** The backend's own default, and what an on-call engineer looks at first. */
export const DEFAULT_RANGE: SignalRange = '1h';

/** "6 hours", "hour": completes "in the last …". */
export function rangeText(range: SignalRange): string {
  return SIGNAL_RANGES.find(r => r.id === range)?.long ?? range;
}

/** Whether a range spans days, so that its time axis shows dates. */
export function spansDays(range: SignalRange): boolean {
  return range === '7d' || range === '28d';
}
