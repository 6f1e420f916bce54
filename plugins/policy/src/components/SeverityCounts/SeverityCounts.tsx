import type { CSSProperties } from 'react';
import type { PolicyViolation } from '@finops/plugin-policy-common';
import { Text } from '@backstage/ui';
import { countBySeverity, SEVERITIES } from '../../severity';
import { SeverityChip } from '../SeverityChip';

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

/** How many open violations of each severity, most severe first. */
export function SeverityCounts(props: {
  violations: readonly PolicyViolation[];
}) {
  const counts = countBySeverity(props.violations);
  return (
    <ul aria-label="Open violations by severity" style={listStyle}>
      {SEVERITIES.map(severity => (
        <li
          key={severity}
          aria-label={`${counts[severity]} ${severity}`}
          style={itemStyle}
        >
          <Text
            variant="title-small"
            weight="bold"
            color={counts[severity] > 0 ? 'primary' : 'secondary'}
          >
            {counts[severity]}
          </Text>
          <SeverityChip severity={severity} />
        </li>
      ))}
    </ul>
  );
}
