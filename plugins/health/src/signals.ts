import type {
  GoldenSignal,
  SignalSeries,
  SignalSeriesUnitEnum,
} from '@finops/plugin-health-common';
import { formatNumber } from './format';

/**
 * How a unit of the health API reads on screen: ratios as percentages and
 * seconds as milliseconds, the units people discuss errors and latency in.
 */
const UNITS: Record<SignalSeriesUnitEnum, { scale: number; suffix: string }> = {
  'requests-per-second': { scale: 1, suffix: ' req/s' },
  ratio: { scale: 100, suffix: '%' },
  seconds: { scale: 1000, suffix: ' ms' },
  cores: { scale: 1, suffix: ' cores' },
};

/** A value in the API's unit, in the unit it is shown in. */
export function displayValue(value: number, unit: SignalSeriesUnitEnum) {
  return value * UNITS[unit].scale;
}

/** "12.4 req/s", "0.52%", "184 ms", "0.35 cores". */
export function formatSignalValue(
  value: number,
  unit: SignalSeriesUnitEnum,
): string {
  return `${formatNumber(displayValue(value, unit))}${UNITS[unit].suffix}`;
}

/** "req/s", "%", "ms", "cores": a chart axis's unit. */
export function unitLabel(unit: SignalSeriesUnitEnum): string {
  return UNITS[unit].suffix.trim();
}

/** One chart of the Health tab and the golden signals it draws. */
export interface SignalPanel {
  id: string;
  title: string;
  /** What the chart tells, for whoever reads it for the first time. */
  description: string;
  signals: GoldenSignal[];
  /** The signal whose current value is the chart's headline. */
  headline: GoldenSignal;
}

/** The four golden signals of the SRE book, latency's percentiles together. */
export const SIGNAL_PANELS: ReadonlyArray<SignalPanel> = [
  {
    id: 'traffic',
    title: 'Request rate',
    description: 'Requests served per second',
    signals: ['request-rate'],
    headline: 'request-rate',
  },
  {
    id: 'errors',
    title: 'Error ratio',
    description: 'Share of requests that failed',
    signals: ['error-ratio'],
    headline: 'error-ratio',
  },
  {
    id: 'latency',
    title: 'Latency',
    description: 'Request duration at the 50th, 90th and 99th percentile',
    signals: ['latency-p50', 'latency-p90', 'latency-p99'],
    headline: 'latency-p99',
  },
  {
    id: 'saturation',
    title: 'Saturation',
    description: 'CPU in use, in cores',
    signals: ['saturation'],
    headline: 'saturation',
  },
];

/** How a signal is named in a chart's legend and headline. */
export const SIGNAL_NAMES: Record<GoldenSignal, string> = {
  'request-rate': 'Request rate',
  'error-ratio': 'Error ratio',
  'latency-p50': 'p50',
  'latency-p90': 'p90',
  'latency-p99': 'p99',
  saturation: 'Saturation',
};

/** A chart's row: a time (unix seconds) and each signal's display value. */
export type ChartRow = { time: number } & Partial<Record<GoldenSignal, number>>;

/**
 * The series' points as chart rows, one per timestamp, in time order and
 * in display units. Series need not share timestamps: a signal missing at
 * a time is left out of that row, and the chart leaves a gap there.
 */
export function chartRows(series: SignalSeries[]): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  for (const { signal, unit, points } of series) {
    for (const [time, value] of points) {
      const row = rows.get(time) ?? { time };
      row[signal] = displayValue(value, unit);
      rows.set(time, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.time - b.time);
}

/** Whether any of the series has anything to draw or to headline. */
export function hasData(series: SignalSeries[]): boolean {
  return series.some(s => s.points.length > 0 || s.current !== null);
}
