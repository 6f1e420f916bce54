import type { DoraRating } from '../../dora';
import { StatusPill, type StatusTone } from '@finops/ui';

const RATINGS: Record<DoraRating, { label: string; tone: StatusTone }> = {
  elite: { label: 'Elite', tone: 'success' },
  high: { label: 'High', tone: 'info' },
  medium: { label: 'Medium', tone: 'warning' },
  low: { label: 'Low', tone: 'danger' },
};

/** Where a metric falls among DORA's performance bands. */
export function DoraRatingPill(props: { rating: DoraRating }) {
  const { label, tone } = RATINGS[props.rating];
  return <StatusPill tone={tone}>{label}</StatusPill>;
}
