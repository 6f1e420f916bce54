import type { PolicyVersion } from '@finops/plugin-policy-common';
import { Cell, CellText, type ColumnConfig, Table, Text } from '@backstage/ui';
import { formatDateTime, shortRevision } from '../../format';
import { StatusPill } from '@finops/ui';

type Row = PolicyVersion & { id: string };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'revision',
    label: 'Revision',
    isRowHeader: true,
    cell: v => (
      <CellText title={shortRevision(v.revision)} description={v.revision} />
    ),
  },
  {
    id: 'loadedAt',
    label: 'Loaded',
    cell: v => <CellText title={formatDateTime(v.loadedAt)} />,
  },
  {
    id: 'rules',
    label: 'Rules',
    cell: v => <CellText title={String(v.rules.length)} />,
  },
  {
    id: 'current',
    label: '',
    cell: v => (
      <Cell>
        {v.current && <StatusPill tone="success">Current</StatusPill>}
      </Cell>
    ),
  },
];

/** Every policy revision the portal has decided with, newest first. */
export function PolicyVersionsTable(props: { versions: PolicyVersion[] }) {
  const rows = props.versions.map(v => ({ ...v, id: v.revision }));
  return (
    <Table
      columnConfig={columns}
      data={rows}
      pagination={{ type: 'none' }}
      emptyState={<Text>No policy version has been loaded yet.</Text>}
    />
  );
}
