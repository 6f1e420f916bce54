import type { SignalSeries } from '@finops/plugin-health-common';
import {
  chartRows,
  formatSignalValue,
  hasData,
  SIGNAL_PANELS,
  unitLabel,
} from './signals';
import { GOLDEN_SIGNALS } from '@finops/plugin-health-common';

function series(overrides: Partial<SignalSeries>): SignalSeries {
  return {
    signal: 'request-rate',
    unit: 'requests-per-second',
    query: 'sum(rate(http_server_requests_seconds_count[5m]))',
    current: null,
    points: [],
    ...overrides,
  };
}

describe('formatSignalValue', () => {
  it('shows each unit the way people talk about it', () => {
    expect(formatSignalValue(12.44, 'requests-per-second')).toBe('12.4 req/s');
    expect(formatSignalValue(0.0052, 'ratio')).toBe('0.52%');
    expect(formatSignalValue(0.184, 'seconds')).toBe('184 ms');
    expect(formatSignalValue(0.347, 'cores')).toBe('0.35 cores');
  });

  it('names the axis unit', () => {
    expect(unitLabel('ratio')).toBe('%');
    expect(unitLabel('seconds')).toBe('ms');
  });
});

describe('SIGNAL_PANELS', () => {
  it('draws every golden signal exactly once', () => {
    const drawn = SIGNAL_PANELS.flatMap(p => p.signals);
    expect([...drawn].sort()).toEqual([...GOLDEN_SIGNALS].sort());
  });
});

describe('chartRows', () => {
  it('merges series by time, in display units and time order', () => {
    const rows = chartRows([
      series({
        signal: 'latency-p50',
        unit: 'seconds',
        points: [
          [120, 0.02],
          [60, 0.025],
        ],
      }),
      series({
        signal: 'latency-p99',
        unit: 'seconds',
        points: [
          [60, 0.2],
          [180, 0.31],
        ],
      }),
    ]);

    expect(rows).toEqual([
      { time: 60, 'latency-p50': 25, 'latency-p99': 200 },
      { time: 120, 'latency-p50': 20 },
      { time: 180, 'latency-p99': 310 },
    ]);
  });
});

describe('hasData', () => {
  it('tells empty series from ones with points or a current value', () => {
    expect(hasData([series({}), series({ signal: 'saturation' })])).toBe(false);
    expect(hasData([series({ current: 0 })])).toBe(true);
    expect(hasData([series({ points: [[60, 1]] })])).toBe(true);
  });
});
