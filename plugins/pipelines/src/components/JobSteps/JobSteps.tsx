import type { WorkflowJob } from '@finops/plugin-pipelines-common';
import { Flex, Link, Text } from '@backstage/ui';
import { elapsedMs, formatDuration } from '../../format';
import { RunOutcome } from '../RunOutcome';

function StepDuration(props: {
  startedAt: string | null;
  completedAt: string | null;
}) {
  const ms = elapsedMs(props.startedAt, props.completedAt);
  return (
    <Text variant="body-x-small" color="secondary">
      {ms === undefined ? '' : formatDuration(ms)}
    </Text>
  );
}

/** One job's steps in order, each with its outcome and how long it took. */
export function JobSteps(props: { job: WorkflowJob }) {
  const { job } = props;
  return (
    <section aria-label={`Job ${job.name}`}>
      <Flex justify="between" align="center" gap="2">
        <Flex align="center" gap="2">
          <RunOutcome
            status={job.status}
            conclusion={job.conclusion}
            iconOnly
          />
          <Text weight="bold">{job.name}</Text>
          {job.durationMs !== null && (
            <Text variant="body-small" color="secondary">
              {formatDuration(job.durationMs)}
            </Text>
          )}
          {job.runnerName && (
            <Text variant="body-x-small" color="secondary">
              on {job.runnerName}
            </Text>
          )}
        </Flex>
        {job.htmlUrl && (
          <Link
            href={job.htmlUrl}
            target="_blank"
            rel="noopener noreferrer"
            variant="body-small"
          >
            Logs
          </Link>
        )}
      </Flex>
      {job.steps.length === 0 ? (
        <Text variant="body-small" color="secondary">
          No steps recorded.
        </Text>
      ) : (
        <ol style={{ margin: '4px 0 0', paddingLeft: 24 }}>
          {[...job.steps]
            .sort((a, b) => a.number - b.number)
            .map(step => (
              <li key={step.number}>
                <Flex align="center" gap="2">
                  <RunOutcome
                    status={step.status}
                    conclusion={step.conclusion}
                    iconOnly
                  />
                  <Text variant="body-small">{step.name}</Text>
                  <StepDuration
                    startedAt={step.startedAt}
                    completedAt={step.completedAt}
                  />
                </Flex>
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
