import type { PostureByFrameworkInner } from '@finops/plugin-policy-common';
import { CellText, type ColumnConfig, Flex, Table, Text } from '@backstage/ui';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

type Row = PostureByFrameworkInner & { id: string };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'framework',
    label: 'Framework',
    isRowHeader: true,
    cell: row => <CellText title={row.framework} />,
  },
  {
    id: 'violations',
    label: 'Open violations',
    cell: row => <CellText title={String(row.violations)} />,
  },
  {
    id: 'critical',
    label: 'Critical',
    cell: row => <CellText title={String(row.critical)} />,
  },
  {
    id: 'entities',
    label: 'Entities affected',
    cell: row => <CellText title={String(row.entities)} />,
  },
];

/** Open violations per compliance framework: a chart, then the numbers. */
export function FrameworkPosture(props: {
  byFramework: PostureByFrameworkInner[];
}) {
  const theme = useTheme();
  const rows: Row[] = [...props.byFramework]
    .sort((a, b) => b.violations - a.violations)
    .map(row => ({ ...row, id: row.framework }));

  if (rows.length === 0) {
    return <Text>No open violation maps to a compliance framework.</Text>;
  }
  return (
    <Flex direction="column" gap="4">
      <div style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer>
          <BarChart data={rows} margin={{ left: -16, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="framework" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar
              dataKey="violations"
              name="Open violations"
              fill={theme.palette.warning.main}
            />
            <Bar
              dataKey="critical"
              name="Critical"
              fill={theme.palette.error.main}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table columnConfig={columns} data={rows} pagination={{ type: 'none' }} />
    </Flex>
  );
}
