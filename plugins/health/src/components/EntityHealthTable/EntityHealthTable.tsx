import { useMemo, useState } from 'react';
import type { EntityHealth } from '@finops/plugin-health-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Cell,
  CellText,
  type ColumnConfig,
  type SortDescriptor,
  Table,
  Text,
} from '@backstage/ui';
import { budgetText } from '../BudgetBar';
import { StatusChip } from '../StatusChip';
import { entityName, sortRows, WORST_FIRST } from './sortRows';

type Row = EntityHealth & { id: string };

function budgetCell(health: EntityHealth): string {
  return health.sloStatus === 'none'
    ? 'No SLOs'
    : budgetText(health.errorBudgetRemaining);
}

/**
 * The health of a team's or a system's components, one row each, worst
 * first until another column is sorted by: status, error budget left,
 * firing and critical alerts, and the backend's reasons.
 */
export function EntityHealthTable(props: {
  items: EntityHealth[];
  emptyState: string;
}) {
  const entityLink = useEntityRefLink();
  const [sort, setSort] = useState<SortDescriptor>(WORST_FIRST);
  const columns = useMemo<ColumnConfig<Row>[]>(
    () => [
      {
        id: 'entity',
        label: 'Entity',
        isRowHeader: true,
        isSortable: true,
        cell: h => (
          <CellText
            title={entityName(h)}
            href={entityLink(parseEntityRef(h.entityRef))}
          />
        ),
      },
      {
        id: 'status',
        label: 'Status',
        isSortable: true,
        cell: h => (
          <Cell>
            <StatusChip status={h.status} />
          </Cell>
        ),
      },
      {
        id: 'budget',
        label: 'Error budget',
        isSortable: true,
        cell: h => <CellText title={budgetCell(h)} />,
      },
      {
        id: 'alerts',
        label: 'Alerts',
        isSortable: true,
        cell: h => (
          <CellText
            title={
              h.firingAlerts === null ? 'Unknown' : `${h.firingAlerts} firing`
            }
            description={
              h.criticalAlerts ? `${h.criticalAlerts} critical` : undefined
            }
          />
        ),
      },
      {
        id: 'reasons',
        label: 'Why',
        cell: h => (
          <Cell>
            <Text variant="body-small">{h.reasons.join(' · ') || '—'}</Text>
          </Cell>
        ),
      },
    ],
    [entityLink],
  );
  const data = useMemo(
    () => sortRows(props.items, sort).map(h => ({ ...h, id: h.entityRef })),
    [props.items, sort],
  );
  return (
    <Table
      columnConfig={columns}
      data={data}
      pagination={{ type: 'none' }}
      sort={{ descriptor: sort, onSortChange: setSort }}
      emptyState={<Text>{props.emptyState}</Text>}
    />
  );
}
