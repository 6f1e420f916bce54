import type { GrafanaAlertRule } from '@finops/plugin-health-common';
import {
  Cell,
  CellText,
  type ColumnConfig,
  Link,
  Table,
  Text,
} from '@backstage/ui';

type Row = GrafanaAlertRule & { id: string };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'title',
    label: 'Alert rule',
    isRowHeader: true,
    cell: r => (
      <Cell>
        <Link
          href={r.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`${r.title} in Grafana (opens in a new tab)`}
        >
          {r.title}
        </Link>
      </Cell>
    ),
  },
  {
    id: 'labels',
    label: 'Labels',
    cell: r => (
      <CellText
        title={
          Object.entries(r.labels)
            .map(([key, value]) => `${key}=${value}`)
            .join(', ') || '—'
        }
      />
    ),
  },
];

/** The Grafana alert rules whose labels match the entity. */
export function GrafanaAlertRulesTable(props: { rules: GrafanaAlertRule[] }) {
  return (
    <Table
      columnConfig={columns}
      data={props.rules.map(r => ({ ...r, id: r.uid }))}
      pagination={{ type: 'none' }}
      emptyState={<Text>No Grafana alert rules match this entity.</Text>}
    />
  );
}
