import type {
  EntitySignalsRange,
  GoldenSignal,
  SignalSeries,
} from '@finops/plugin-health-common';
import { Card, CardBody, Flex, Text } from '@backstage/ui';
import { Theme, useTheme } from '@material-ui/core/styles';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SignalRange } from '../../api';
import { formatNumber } from '../../format';
import { rangeText, spansDays } from '../../ranges';
import {
  chartRows,
  formatSignalValue,
  hasData,
  SIGNAL_NAMES,
  type SignalPanel,
  unitLabel,
} from '../../signals';
import { QueryDisclosure } from '../QueryDisclosure';

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
});
const tooltipFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** Each signal's colour: latency's percentiles light to dark, p99 darkest. */
function signalColor(theme: Theme, signal: GoldenSignal): string {
  switch (signal) {
    case 'error-ratio':
      return theme.palette.error.main;
    case 'saturation':
      return theme.palette.warning.main;
    case 'latency-p50':
      return theme.palette.info.light;
    case 'latency-p90':
      return theme.palette.info.main;
    case 'latency-p99':
      return theme.palette.info.dark;
    default:
      return theme.palette.primary.main;
  }
}

/** The headline's companions: "p50 23 ms · p90 95 ms" beside p99. */
function otherReadings(series: SignalSeries[], headline: GoldenSignal) {
  return series
    .filter(s => s.signal !== headline && s.current !== null)
    .map(
      s => `${SIGNAL_NAMES[s.signal]} ${formatSignalValue(s.current!, s.unit)}`,
    )
    .join(' · ');
}

function Chart(props: {
  title: string;
  series: SignalSeries[];
  window: EntitySignalsRange;
  range: SignalRange;
}) {
  const { title, series, window, range } = props;
  const theme = useTheme<Theme>();
  const tick = spansDays(range) ? dayFormat : timeFormat;
  const unit = unitLabel(series[0].unit);
  const single = series.length === 1;
  return (
    <div
      style={{ width: '100%', height: 180 }}
      role="img"
      aria-label={`${title} over the last ${rangeText(range)}, in ${unit}`}
    >
      <ResponsiveContainer>
        <ComposedChart data={chartRows(series)} margin={{ left: -8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={[window.start, window.end]}
            tickFormatter={t => tick.format(new Date(Number(t) * 1000))}
            tick={{ fontSize: 12 }}
          />
          <YAxis
            tickFormatter={v => formatNumber(Number(v))}
            tick={{ fontSize: 12 }}
            width={48}
          />
          <Tooltip
            labelFormatter={t =>
              tooltipFormat.format(new Date(Number(t) * 1000))
            }
            formatter={v => `${formatNumber(Number(v))} ${unit}`}
          />
          {!single && <Legend />}
          {series.map(s => {
            const color = signalColor(theme, s.signal);
            const common = {
              dataKey: s.signal,
              name: SIGNAL_NAMES[s.signal],
              stroke: color,
              dot: false,
              isAnimationActive: false,
            };
            return single ? (
              <Area
                key={s.signal}
                {...common}
                fill={color}
                fillOpacity={0.15}
              />
            ) : (
              <Line
                key={s.signal}
                {...common}
                strokeWidth={s.signal === 'latency-p99' ? 2 : 1}
              />
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/**
 * One golden signal (latency: its three percentiles) over the range: the
 * latest value as a headline, the chart, and the PromQL behind it. Says so
 * when Prometheus has no data for the selector.
 */
export function SignalChart(props: {
  panel: SignalPanel;
  series: SignalSeries[];
  selector: string;
  range: SignalRange;
  window: EntitySignalsRange;
}) {
  const { panel, series, selector, range, window } = props;
  const headline = series.find(s => s.signal === panel.headline);
  const others = otherReadings(series, panel.headline);
  return (
    <Card role="group" aria-label={panel.title}>
      <CardBody>
        <Flex direction="column" gap="2">
          <Flex direction="column" gap="0">
            <Text variant="title-x-small">{panel.title}</Text>
            <Text variant="body-x-small" color="secondary">
              {panel.description}
            </Text>
          </Flex>
          <Flex align="end" gap="3" style={{ flexWrap: 'wrap' }}>
            <Text variant="title-medium" weight="bold">
              {headline?.current !== null && headline?.current !== undefined
                ? formatSignalValue(headline.current, headline.unit)
                : '—'}
            </Text>
            {series.length > 1 && headline && (
              <Text variant="body-small" color="secondary">
                {SIGNAL_NAMES[headline.signal]}
                {others && ` · ${others}`}
              </Text>
            )}
          </Flex>
          {hasData(series) ? (
            <Chart
              title={panel.title}
              series={series}
              window={window}
              range={range}
            />
          ) : (
            <Text variant="body-small" color="secondary">
              No data for <code>{selector}</code> in the last {rangeText(range)}
              .
            </Text>
          )}
          {series.length > 0 && (
            <QueryDisclosure
              label={panel.title}
              queries={series.map(s => ({
                name: series.length > 1 ? SIGNAL_NAMES[s.signal] : undefined,
                query: s.query,
              }))}
            />
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}
