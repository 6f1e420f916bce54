export { formatDateTime } from '@finops/ui';

const percentFormats = new Map<number, Intl.NumberFormat>();

/**
 * "99.9%", "-35%": a share (0 to 1, or beyond for an overspent budget) as
 * a percentage with up to `digits` decimals, so that 99.95% does not round
 * to a reassuring 100%.
 */
export function formatPercent(share: number, digits = 2): string {
  let format = percentFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', {
      style: 'percent',
      maximumFractionDigits: digits,
    });
    percentFormats.set(digits, format);
  }
  return format.format(share);
}

const small = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const medium = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const large = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** "0.35", "12.4", "1,250": the precision a reading on a chart deserves. */
export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude < 10) {
    return small.format(value);
  }
  return magnitude < 100 ? medium.format(value) : large.format(value);
}

/** "14.4×": how many times faster than sustainable a budget burns. */
export function formatBurnRate(rate: number): string {
  return `${formatNumber(rate)}×`;
}

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * "just now", "12 minutes ago", "in 3 hours", "2 days ago": how long since
 * an alert started or until a silence ends, as on-call people say it.
 */
export function formatRelativeTime(
  value: string | Date,
  now: number = Date.now(),
): string {
  const diff = new Date(value).getTime() - now;
  const magnitude = Math.abs(diff);
  if (magnitude < MINUTE_MS) {
    return 'just now';
  }
  if (magnitude < HOUR_MS) {
    return relative.format(Math.round(diff / MINUTE_MS), 'minute');
  }
  if (magnitude < DAY_MS) {
    return relative.format(Math.round(diff / HOUR_MS), 'hour');
  }
  return relative.format(Math.round(diff / DAY_MS), 'day');
}

/** "1 alert", "3 alerts". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
