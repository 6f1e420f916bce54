import type { DoraMetricsWeeklyInner } from '@finops/plugin-pipelines-common';
import { Text } from '@backstage/ui';
import { Theme, useTheme } from '@material-ui/core/styles';
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

const weekFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** Production deployments per week, with the failed ones beside them. */
export function WeeklyDeploymentsChart(props: {
  weekly: DoraMetricsWeeklyInner[];
  height?: number;
}) {
  const theme = useTheme<Theme>();
  const { weekly, height = 200 } = props;
  if (weekly.every(week => week.deployments === 0)) {
    return (
      <Text variant="body-small" color="secondary">
        No production deployments in this period.
      </Text>
    );
  }
  const data = weekly.map(week => ({
    ...week,
    week: weekFormat.format(new Date(week.weekStart)),
  }));
  const deployments = weekly.reduce((sum, w) => sum + w.deployments, 0);
  const failures = weekly.reduce((sum, w) => sum + w.failures, 0);
  return (
    <div
      style={{ width: '100%', height }}
      role="img"
      aria-label={`${deployments} production deployments and ${failures} failures over ${weekly.length} weeks`}
    >
      <ResponsiveContainer>
        <BarChart data={data} margin={{ left: -24, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="deployments"
            name="Deployments"
            fill={theme.palette.info.main}
            isAnimationActive={false}
          />
          <Bar
            dataKey="failures"
            name="Failures"
            fill={theme.palette.error.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
