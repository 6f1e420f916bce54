import type { WorkflowJob } from '@finops/plugin-pipelines-common';
import { Flex, Text } from '@backstage/ui';
import { formatDuration } from '../../format';
import { outcomeOf } from '../RunOutcome';
import { toneColor } from '@finops/ui';
import { layoutTimeline, type TimelineBar } from './timeline';

const LABEL_WIDTH = 180;

function describeBar(bar: TimelineBar): string {
  const { label } = outcomeOf(bar.job.status, bar.job.conclusion);
  if (bar.startMs === undefined || bar.endMs === undefined) {
    return `${bar.job.name}: not started`;
  }
  return `${bar.job.name}: from ${formatDuration(
    bar.startMs,
  )} to ${formatDuration(bar.endMs)}, ${label.toLocaleLowerCase('en-US')}`;
}

function Bar(props: { bar: TimelineBar; totalMs: number }) {
  const { bar, totalMs } = props;
  const { tone } = outcomeOf(bar.job.status, bar.job.conclusion);
  if (bar.startMs === undefined || bar.endMs === undefined || totalMs === 0) {
    return (
      <Text variant="body-x-small" color="secondary">
        Not started
      </Text>
    );
  }
  const left = (bar.startMs / totalMs) * 100;
  // A job of a second still gets a visible sliver.
  const width = Math.max(((bar.endMs - bar.startMs) / totalMs) * 100, 0.5);
  return (
    <div style={{ position: 'relative', height: 18, width: '100%' }}>
      <div
        style={{
          position: 'absolute',
          left: `${left}%`,
          width: `${width}%`,
          top: 2,
          bottom: 2,
          borderRadius: 'var(--bui-radius-1)',
          background: toneColor[tone],
          opacity: bar.running ? 0.6 : 1,
        }}
      />
    </div>
  );
}

/**
 * The run's jobs as horizontal bars on one time axis, so that what ran in
 * parallel, what waited and what took longest can be seen at a glance.
 */
export function JobTimeline(props: {
  runStartedAt: string | null;
  jobs: WorkflowJob[];
  /** The time a running job reaches to; now by default. */
  now?: number;
}) {
  const { bars, totalMs } = layoutTimeline(
    props.runStartedAt,
    props.jobs,
    props.now ?? Date.now(),
  );
  if (bars.length === 0) {
    return <Text color="secondary">This run has no jobs recorded.</Text>;
  }
  return (
    <Flex direction="column" gap="1">
      <ol
        aria-label="Job timeline"
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {bars.map(bar => (
          <li
            key={bar.job.id}
            aria-label={describeBar(bar)}
            title={describeBar(bar)}
            style={{ display: 'flex', alignItems: 'center', gap: 8 }}
          >
            <Text
              variant="body-small"
              truncate
              style={{ width: LABEL_WIDTH, flexShrink: 0 }}
            >
              {bar.job.name}
            </Text>
            <Bar bar={bar} totalMs={totalMs} />
          </li>
        ))}
      </ol>
      {totalMs > 0 && (
        <Flex
          justify="between"
          style={{ marginLeft: LABEL_WIDTH + 8 }}
          aria-hidden
        >
          <Text variant="body-x-small" color="secondary">
            0s
          </Text>
          <Text variant="body-x-small" color="secondary">
            {formatDuration(totalMs / 2)}
          </Text>
          <Text variant="body-x-small" color="secondary">
            {formatDuration(totalMs)}
          </Text>
        </Flex>
      )}
    </Flex>
  );
}
