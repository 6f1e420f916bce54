import type { CSSProperties } from 'react';
import { Flex, Text } from '@backstage/ui';
import { toneColor } from '@finops/ui';
import { formatPercent } from '../../format';
import type { HealthState } from '../../status';
import { statusTone } from '../StatusChip';

const track: CSSProperties = {
  position: 'relative',
  height: 8,
  borderRadius: 'var(--bui-radius-full)',
  background: 'var(--bui-bg-neutral-2)',
  overflow: 'hidden',
};

/** "53% left", "-35%: overspent", "Unknown". */
export function budgetText(remaining: number | null): string {
  if (remaining === null) {
    return 'Unknown';
  }
  return remaining < 0
    ? `${formatPercent(remaining, 1)}: overspent`
    : `${formatPercent(remaining, 1)} left`;
}

/**
 * How much of an error budget is left, as a bar coloured by the status the
 * backend gave it. An overspent budget has nothing left to draw: its track
 * turns the status colour and the figure says how far below zero it is. An
 * unknown budget draws no bar at all rather than an empty one, which would
 * read as spent.
 */
export function BudgetBar(props: {
  remaining: number | null;
  status: HealthState;
  label?: string;
}) {
  const { remaining, status, label = 'Error budget' } = props;
  const color = toneColor[statusTone(status)];
  const text = budgetText(remaining);
  // Percent of the bar filled, to a tenth: an overspent budget fills none.
  const fill =
    remaining === null
      ? 0
      : Math.round(Math.max(0, Math.min(1, remaining)) * 1000) / 10;
  return (
    <Flex direction="column" gap="1">
      <Flex justify="between" gap="2">
        <Text variant="body-small" color="secondary">
          {label}
        </Text>
        <Text
          variant="body-small"
          weight="bold"
          style={remaining !== null && remaining < 0 ? { color } : undefined}
        >
          {text}
        </Text>
      </Flex>
      {remaining !== null && (
        <div
          role="meter"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fill)}
          aria-valuetext={text}
          style={{
            ...track,
            ...(remaining < 0 && {
              background: `repeating-linear-gradient(135deg, ${color} 0 4px, transparent 4px 8px)`,
            }),
          }}
        >
          <div
            style={{
              width: `${fill}%`,
              height: '100%',
              background: color,
            }}
          />
        </div>
      )}
    </Flex>
  );
}
