import type { DecisionLogEntry } from '@finops/plugin-policy-common';
import { Cell, CellText, type ColumnConfig, Table, Text } from '@backstage/ui';
import { formatDateTime, refName, shortRevision } from '../../format';
import { StatusPill } from '@finops/ui';

const columns: ColumnConfig<DecisionLogEntry>[] = [
  {
    id: 'time',
    label: 'Time',
    isRowHeader: true,
    cell: d => <CellText title={formatDateTime(d.decidedAt)} />,
  },
  {
    id: 'point',
    label: 'Decision point',
    cell: d => <CellText title={d.decisionPoint} />,
  },
  {
    id: 'subject',
    label: 'Subject',
    cell: d => <CellText title={d.subject ?? '—'} />,
  },
  {
    id: 'actor',
    label: 'Actor',
    cell: d => <CellText title={refName(d.actor)} description={d.actor} />,
  },
  {
    id: 'allow',
    label: 'Result',
    cell: d => (
      <Cell>
        <StatusPill tone={d.allow ? 'success' : 'danger'}>
          {d.allow ? 'Allowed' : 'Denied'}
        </StatusPill>
      </Cell>
    ),
  },
  {
    id: 'rules',
    label: 'Violated rules',
    cell: d => (
      <CellText
        title={d.violations.map(v => v.rule).join(', ') || '—'}
        description={d.violations[0]?.message}
      />
    ),
  },
  {
    id: 'duration',
    label: 'Duration',
    cell: d => <CellText title={`${d.durationMs.toFixed(1)} ms`} />,
  },
  {
    id: 'revision',
    label: 'Revision',
    cell: d => <CellText title={shortRevision(d.revision)} />,
  },
];

/** Decisions, newest first, as the policy answered them. */
export function DecisionLogTable(props: {
  decisions: DecisionLogEntry[];
  loading?: boolean;
}) {
  return (
    <Table
      columnConfig={columns}
      data={props.decisions}
      isPending={props.loading}
      pagination={{ type: 'none' }}
      emptyState={<Text>No decisions match these filters.</Text>}
    />
  );
}
