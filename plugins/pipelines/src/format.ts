export { formatDate, formatDateTime, userName } from '@finops/ui';

const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "1.5" or "12": one decimal where it tells something. */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}

/** "42s", "3m 07s", "1h 02m": the precision a CI duration is read with. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) {
    return `${seconds}s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  }
  const hours = Math.floor(minutes / 60);
  return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** "35 min", "5.2 hours", "3.1 days": DORA durations come in hours. */
export function formatHours(hours: number): string {
  if (hours < 1) {
    return `${Math.round(hours * 60)} min`;
  }
  if (hours < 48) {
    return `${formatDecimal(hours)} hours`;
  }
  return `${formatDecimal(hours / 24)} days`;
}

const BYTE_UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/** "512 B", "1.4 MiB": binary units, as GitHub stores artifact sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatDecimal(value)} ${BYTE_UNITS[unit]}`;
}

/** The 7 characters GitHub shows of a commit sha. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** Milliseconds between two ISO times, or undefined if either is missing. */
export function elapsedMs(
  from: string | null | undefined,
  to: string | null | undefined,
): number | undefined {
  if (!from || !to) {
    return undefined;
  }
  return new Date(to).getTime() - new Date(from).getTime();
}
