import type { Dashboard } from '@finops/plugin-health-common';
import {
  Cell,
  CellText,
  type ColumnConfig,
  Link,
  Table,
  Text,
} from '@backstage/ui';

type Row = Dashboard & { id: string };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'title',
    label: 'Dashboard',
    isRowHeader: true,
    cell: d => (
      <Cell>
        <Link
          href={d.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`${d.title} in Grafana (opens in a new tab)`}
        >
          {d.title}
        </Link>
      </Cell>
    ),
  },
  {
    id: 'folder',
    label: 'Folder',
    cell: d => <CellText title={d.folder ?? 'General'} />,
  },
  {
    id: 'tags',
    label: 'Tags',
    cell: d => <CellText title={d.tags.join(', ') || '—'} />,
  },
];

/** The entity's Grafana dashboards, each opening in Grafana in a new tab. */
export function DashboardsTable(props: { dashboards: Dashboard[] }) {
  return (
    <Table
      columnConfig={columns}
      data={props.dashboards.map(d => ({ ...d, id: d.uid }))}
      pagination={{ type: 'none' }}
      emptyState={<Text>No dashboards match this entity.</Text>}
    />
  );
}
