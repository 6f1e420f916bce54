import type { WorkflowRun } from '@finops/plugin-pipelines-common';
import { useMemo } from 'react';
import {
  Button,
  Cell,
  CellText,
  type ColumnConfig,
  Flex,
  Link,
  Table,
  Text,
} from '@backstage/ui';
import { formatDateTime, formatDuration, shortSha } from '../../format';
import { canRerunFailedJobs } from '../RerunDialog';
import { RunOutcome } from '../RunOutcome';

const runColumn = (
  onOpen: (run: WorkflowRun) => void,
): ColumnConfig<WorkflowRun> => ({
  id: 'run',
  label: 'Run',
  isRowHeader: true,
  cell: r => (
    <Cell>
      <Flex direction="column" align="start" gap="0">
        <Button variant="tertiary" size="small" onPress={() => onOpen(r)}>
          {`${r.workflowName} #${r.runNumber}`}
        </Button>
        <Text variant="body-x-small" color="secondary">
          {r.runAttempt > 1 ? `${r.event}, attempt ${r.runAttempt}` : r.event}
        </Text>
      </Flex>
    </Cell>
  ),
});

const columns: ColumnConfig<WorkflowRun>[] = [
  {
    id: 'status',
    label: 'Status',
    cell: r => (
      <Cell>
        <RunOutcome status={r.status} conclusion={r.conclusion} />
      </Cell>
    ),
  },
  {
    id: 'branch',
    label: 'Branch',
    cell: r => <CellText title={r.headBranch ?? '—'} />,
  },
  {
    id: 'commit',
    label: 'Commit',
    cell: r => (
      <Cell>
        <code title={r.headSha}>{shortSha(r.headSha)}</code>
      </Cell>
    ),
  },
  { id: 'actor', label: 'Actor', cell: r => <CellText title={r.actor} /> },
  {
    id: 'started',
    label: 'Started',
    cell: r => <CellText title={formatDateTime(r.startedAt ?? r.createdAt)} />,
  },
  {
    id: 'duration',
    label: 'Duration',
    cell: r => (
      <CellText
        title={r.durationMs === null ? '—' : formatDuration(r.durationMs)}
      />
    ),
  },
  {
    id: 'github',
    label: 'GitHub',
    cell: r => (
      <Cell>
        <Link
          href={r.htmlUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`${r.workflowName} #${r.runNumber} on GitHub`}
        >
          Open
        </Link>
      </Cell>
    ),
  },
];

const rerunColumn = (
  onRerun: (run: WorkflowRun) => void,
  disabledReason: string | undefined,
): ColumnConfig<WorkflowRun> => ({
  id: 'rerun',
  label: 'Actions',
  cell: r => (
    <Cell>
      {canRerunFailedJobs(r) ? (
        <Flex direction="column" align="start" gap="1">
          {/* A disabled button gets no hover, so the tooltip sits on a wrapper. */}
          <span title={disabledReason}>
            <Button
              variant="secondary"
              size="small"
              aria-label={`Re-run failed jobs of ${r.workflowName} #${r.runNumber}`}
              isDisabled={disabledReason !== undefined}
              onPress={() => onRerun(r)}
            >
              Re-run failed jobs
            </Button>
          </span>
          {disabledReason && (
            <Text variant="body-x-small" color="secondary">
              {disabledReason}
            </Text>
          )}
        </Flex>
      ) : null}
    </Cell>
  ),
});

/**
 * Workflow runs, newest first; choosing one opens its detail. With
 * `onRerun`, failed runs offer to re-run their failed jobs: disabled, with
 * the reason, while there is a `rerunDisabledReason`.
 */
export function RunsTable(props: {
  runs: WorkflowRun[];
  loading?: boolean;
  onOpen: (run: WorkflowRun) => void;
  onRerun?: (run: WorkflowRun) => void;
  rerunDisabledReason?: string;
}) {
  const { onOpen, onRerun, rerunDisabledReason } = props;
  const columnConfig = useMemo(
    () => [
      runColumn(onOpen),
      ...columns,
      ...(onRerun ? [rerunColumn(onRerun, rerunDisabledReason)] : []),
    ],
    [onOpen, onRerun, rerunDisabledReason],
  );
  return (
    <Table
      columnConfig={columnConfig}
      data={props.runs}
      isPending={props.loading}
      pagination={{ type: 'none' }}
      emptyState={<Text>No runs match these filters.</Text>}
    />
  );
}
