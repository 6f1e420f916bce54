import type { PostureTrendInner } from '@finops/plugin-policy-common';
import { Text } from '@backstage/ui';
import { Theme, useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const SERIES: Array<{
  key: keyof PostureTrendInner;
  name: string;
  color: (theme: Theme) => string;
}> = [
  {
    key: 'violations',
    name: 'Open violations',
    color: t => t.palette.warning.main,
  },
  { key: 'critical', name: 'Critical', color: t => t.palette.error.main },
  {
    key: 'failingEntities',
    name: 'Non-compliant entities',
    color: t => t.palette.info.main,
  },
];

/** Open violations, critical ones and failing entities, day by day. */
export function PostureTrendChart(props: { trend: PostureTrendInner[] }) {
  const theme = useTheme<Theme>();
  if (props.trend.length < 2) {
    return (
      <Text>
        Not enough history for a trend yet: it starts with the first days of
        evaluations.
      </Text>
    );
  }
  return (
    <div
      style={{ width: '100%', height: 280 }}
      role="img"
      aria-label={`Open violations over the last ${props.trend.length} days`}
    >
      <ResponsiveContainer>
        <LineChart data={props.trend} margin={{ left: -16, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {SERIES.map(({ key, name, color }) => (
            <Line
              key={key}
              dataKey={key}
              name={name}
              stroke={color(theme)}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
