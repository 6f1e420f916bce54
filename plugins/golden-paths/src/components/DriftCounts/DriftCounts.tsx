import type { CSSProperties } from 'react';
import { Text } from '@backstage/ui';
import { StatusPill } from '@finops/ui';
import { DRIFT_STATUS_NAMES, DRIFT_TONES } from '../../driftText';
import type { DriftCounts as Counts } from '../../goldenPaths';
import { DRIFT_STATUSES } from '../../versions';

const listStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 'var(--bui-space-4)',
  listStyle: 'none',
  margin: 0,
  padding: 0,
};

const itemStyle: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  gap: 'var(--bui-space-1)',
};

/**
 * How many services are at each status, most urgent first. Ahead and
 * unknown only show when there are any: they are exceptions, not levels.
 */
export function DriftCounts(props: { counts: Counts }) {
  const { counts } = props;
  const shown = DRIFT_STATUSES.filter(
    status =>
      counts[status] > 0 || (status !== 'ahead' && status !== 'unknown'),
  );
  return (
    <ul aria-label="Services by status" style={listStyle}>
      {shown.map(status => {
        const name = DRIFT_STATUS_NAMES[status];
        return (
          <li
            key={status}
            aria-label={`${counts[status]} ${name.toLocaleLowerCase('en-GB')}`}
            style={itemStyle}
          >
            <Text
              variant="title-small"
              weight="bold"
              color={counts[status] > 0 ? 'primary' : 'secondary'}
            >
              {counts[status]}
            </Text>
            <StatusPill tone={DRIFT_TONES[status]}>{name}</StatusPill>
          </li>
        );
      })}
    </ul>
  );
}
