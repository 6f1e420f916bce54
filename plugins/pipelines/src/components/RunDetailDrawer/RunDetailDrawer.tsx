import type {
  WorkflowRun,
  WorkflowRunDetail,
} from '@finops/plugin-pipelines-common';
import { Progress } from '@backstage/core-components';
import { ButtonIcon, Flex, Link, Text } from '@backstage/ui';
import Drawer from '@material-ui/core/Drawer';
import CloseIcon from '@material-ui/icons/Close';
import { formatDateTime, formatDuration, shortSha } from '../../format';
import { useWorkflowRun } from '../../hooks';
import { ArtifactsTable } from '../ArtifactsTable';
import { ErrorNotice } from '../ErrorNotice';
import { JobSteps } from '../JobSteps';
import { JobTimeline } from '../JobTimeline';
import { RunOutcome } from '../RunOutcome';

function Summary(props: { run: WorkflowRun }) {
  const { run } = props;
  const facts = [
    run.headBranch && `on ${run.headBranch}`,
    `commit ${shortSha(run.headSha)}`,
    `by ${run.actor}`,
    `started ${formatDateTime(run.startedAt ?? run.createdAt)}`,
    run.durationMs !== null && `took ${formatDuration(run.durationMs)}`,
  ].filter(Boolean);
  return (
    <Flex direction="column" gap="1">
      <Flex align="center" gap="3">
        <RunOutcome status={run.status} conclusion={run.conclusion} />
        <Link href={run.htmlUrl} target="_blank" rel="noopener noreferrer">
          View on GitHub
        </Link>
      </Flex>
      <Text variant="body-small" color="secondary">
        {facts.join(' · ')}
      </Text>
    </Flex>
  );
}

function Section(props: { title: string; children: JSX.Element }) {
  return (
    <Flex direction="column" gap="2">
      <Text as="h3" variant="title-x-small">
        {props.title}
      </Text>
      {props.children}
    </Flex>
  );
}

function Detail(props: { detail: WorkflowRunDetail }) {
  const { detail } = props;
  return (
    <>
      <Section title="Timeline">
        <JobTimeline runStartedAt={detail.startedAt} jobs={detail.jobs} />
      </Section>
      <Section title="Jobs">
        <Flex direction="column" gap="3">
          {detail.jobs.map(job => (
            <JobSteps key={job.id} job={job} />
          ))}
        </Flex>
      </Section>
      <Section title="Artifacts">
        <ArtifactsTable artifacts={detail.artifacts} />
      </Section>
    </>
  );
}

/**
 * A run's detail beside the runs table: its jobs on a timeline, their
 * steps, and its artifacts. `run` is what the table already knows, shown
 * while the rest loads.
 */
export function RunDetailDrawer(props: {
  run?: WorkflowRun;
  onClose: () => void;
}) {
  const { run, onClose } = props;
  const { value, loading, error, retry } = useWorkflowRun(run?.id);
  const title = run ? `${run.workflowName} #${run.runNumber}` : '';

  return (
    <Drawer anchor="right" open={Boolean(run)} onClose={onClose}>
      <div
        role="dialog"
        aria-label={title}
        style={{ width: 'min(760px, 100vw)', padding: 'var(--bui-space-5)' }}
      >
        {run && (
          <Flex direction="column" gap="5">
            <Flex justify="between" align="start">
              <Text as="h2" variant="title-small">
                {title}
              </Text>
              <ButtonIcon
                aria-label="Close"
                variant="tertiary"
                icon={<CloseIcon fontSize="small" />}
                onPress={onClose}
              />
            </Flex>
            <Summary run={value ?? run} />
            {loading && <Progress />}
            {error && (
              <ErrorNotice
                title="Could not load this run's jobs"
                error={error}
                onRetry={retry}
              />
            )}
            {value && !loading && <Detail detail={value} />}
          </Flex>
        )}
      </div>
    </Drawer>
  );
}
