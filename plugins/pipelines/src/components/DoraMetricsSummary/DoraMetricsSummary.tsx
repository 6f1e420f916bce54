import type { DoraMetrics } from '@finops/plugin-pipelines-common';
import { Flex, Grid, Text } from '@backstage/ui';
import { doraFigures, type DoraFigure } from '../../dora';
import { DoraRatingPill } from '../DoraRatingPill';

function Figure(props: { figure: DoraFigure; size: 'small' | 'large' }) {
  const { figure, size } = props;
  return (
    <Flex direction="column" gap="1" role="group" aria-label={figure.label}>
      <Text variant="body-small" color="secondary">
        {figure.label}
      </Text>
      <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }}>
        <Text
          variant={size === 'large' ? 'title-medium' : 'title-x-small'}
          weight="bold"
        >
          {figure.value ?? '—'}
        </Text>
        {figure.rating && <DoraRatingPill rating={figure.rating} />}
      </Flex>
      <Text variant="body-x-small" color="secondary">
        {figure.value ? figure.basis : 'Nothing to measure yet'}
      </Text>
    </Flex>
  );
}

/**
 * The four DORA metrics, each rated against DORA's published bands. A
 * metric without data shows a dash and no rating, rather than a zero that
 * would read as elite or low.
 */
export function DoraMetricsSummary(props: {
  metrics: DoraMetrics;
  size?: 'small' | 'large';
}) {
  const size = props.size ?? 'small';
  return (
    <Grid.Root
      columns={size === 'large' ? { initial: '2', lg: '4' } : '2'}
      gap="4"
    >
      {doraFigures(props.metrics).map(figure => (
        <Figure key={figure.key} figure={figure} size={size} />
      ))}
    </Grid.Root>
  );
}
