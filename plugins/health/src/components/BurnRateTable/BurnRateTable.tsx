import type { BurnRate } from '@finops/plugin-health-common';
import { Cell, CellText, type ColumnConfig, Table, Text } from '@backstage/ui';
import { StatusPill } from '@finops/ui';
import { formatBurnRate } from '../../format';

type Row = BurnRate & { id: string };

const rate = (value: number | null) =>
  value === null ? '—' : formatBurnRate(value);

const columns: ColumnConfig<Row>[] = [
  {
    id: 'windows',
    label: 'Windows',
    isRowHeader: true,
    cell: b => (
      <CellText
        title={`${b.longWindow} and ${b.shortWindow}`}
        description="long and short"
      />
    ),
  },
  {
    id: 'rate',
    label: 'Burn rate',
    cell: b => (
      <CellText
        title={`${rate(b.longRate)} / ${rate(b.shortRate)}`}
        description={`over ${b.longWindow} / ${b.shortWindow}`}
      />
    ),
  },
  {
    id: 'threshold',
    label: 'Threshold',
    cell: b => <CellText title={formatBurnRate(b.threshold)} />,
  },
  {
    id: 'severity',
    label: 'Severity',
    cell: b => (
      <Cell>
        {b.severity === 'page' ? (
          <StatusPill tone="danger">Page</StatusPill>
        ) : (
          <StatusPill tone="warning">Ticket</StatusPill>
        )}
      </Cell>
    ),
  },
  {
    id: 'firing',
    label: 'Firing',
    cell: b => (
      <Cell>
        {b.firing ? (
          <StatusPill tone="danger">Firing</StatusPill>
        ) : (
          <StatusPill tone="neutral">No</StatusPill>
        )}
      </Cell>
    ),
  },
];

/**
 * An SLO's multi-window burn-rate alerts (the SRE workbook's): how many
 * times faster than sustainable the budget burns over a long and a short
 * window, and whether both exceed the threshold, which fires the alert.
 */
export function BurnRateTable(props: { burnRates: BurnRate[] }) {
  return (
    <Table
      columnConfig={columns}
      data={props.burnRates.map(b => ({
        ...b,
        id: `${b.longWindow}/${b.shortWindow}`,
      }))}
      pagination={{ type: 'none' }}
      emptyState={<Text>No burn-rate alerts for this SLO.</Text>}
    />
  );
}
