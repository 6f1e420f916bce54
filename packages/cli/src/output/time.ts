const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 min ago", "5 h ago", "12 d ago": enough to see what is recent. */
export function timeAgo(iso: string | null | undefined, now: Date): string {
  if (!iso) return '-';
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return iso;
  const elapsed = now.getTime() - at;
  if (elapsed < 0) return formatDuration(-elapsed).concat(' from now');
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  return `${Math.floor(elapsed / DAY)} d ago`;
}

/** "850 ms", "42 s", "4m 12s", "2h 05m". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60)
    return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(
    2,
    '0',
  )}m`;
}

/** 0.4231 -> "42.3%" (SLO attainment wants more digits); null is "-". */
export function percent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined) return '-';
  return `${(ratio * 100).toFixed(digits)}%`;
}
