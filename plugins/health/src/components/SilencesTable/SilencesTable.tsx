import type { Silence } from '@finops/plugin-health-common';
import {
  Cell,
  CellText,
  type ColumnConfig,
  Link,
  Table,
  Text,
} from '@backstage/ui';
import { StatusPill } from '@finops/ui';
import { formatDateTime, formatRelativeTime } from '../../format';

const columns: ColumnConfig<Silence>[] = [
  {
    id: 'matchers',
    label: 'Matchers',
    isRowHeader: true,
    cell: s => <CellText title={s.matchers.join(', ')} />,
  },
  {
    id: 'state',
    label: 'State',
    cell: s => (
      <Cell>
        {s.state === 'active' ? (
          <StatusPill tone="info">Active</StatusPill>
        ) : (
          <StatusPill tone="neutral">
            {s.state === 'pending' ? 'Pending' : 'Expired'}
          </StatusPill>
        )}
      </Cell>
    ),
  },
  {
    id: 'comment',
    label: 'Comment',
    cell: s => <CellText title={s.comment} description={`by ${s.createdBy}`} />,
  },
  {
    id: 'ends',
    label: 'Ends',
    cell: s => (
      <CellText
        title={formatRelativeTime(s.endsAt)}
        description={formatDateTime(s.endsAt)}
      />
    ),
  },
  {
    id: 'open',
    label: 'Alertmanager',
    cell: s => (
      <Cell>
        {s.url ? (
          <Link
            href={s.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`Silence ${s.id} in Alertmanager`}
          >
            Open
          </Link>
        ) : (
          '—'
        )}
      </Cell>
    ),
  },
];

/** The silences that mute the entity's alerts now or soon, and who set them. */
export function SilencesTable(props: { silences: Silence[] }) {
  return (
    <Table
      columnConfig={columns}
      data={props.silences}
      pagination={{ type: 'none' }}
      emptyState={<Text>No active silences.</Text>}
    />
  );
}
