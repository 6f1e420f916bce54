import { BurnRate, Slo } from '@finops/plugin-health-common';

/**
 * The multi-window, multi-burn-rate alerts of the SRE workbook (chapter 5,
 * "Alerting on SLOs"): each fires when both its long and its short window
 * burn the budget faster than its threshold.
 */
export const BURN_RATE_ALERTS: ReadonlyArray<
  Pick<BurnRate, 'longWindow' | 'shortWindow' | 'threshold' | 'severity'>
> = [
  { longWindow: '1h', shortWindow: '5m', threshold: 14.4, severity: 'page' },
  { longWindow: '6h', shortWindow: '30m', threshold: 6, severity: 'page' },
  { longWindow: '1d', shortWindow: '2h', threshold: 3, severity: 'ticket' },
  { longWindow: '3d', shortWindow: '6h', threshold: 1, severity: 'ticket' },
];

/** Every window a burn-rate alert reads. */
export const BURN_WINDOWS = [
  ...new Set(BURN_RATE_ALERTS.flatMap(a => [a.longWindow, a.shortWindow])),
];

const STATUS_ORDER: Record<Slo['status'], number> = {
  ok: 0,
  warning: 1,
  unknown: 2,
  breached: 3,
};

/** The worse of two statuses: breached > unknown > warning > ok. */
export function worseStatus<T extends Slo['status']>(a: T, b: T): T {
  return STATUS_ORDER[a] >= STATUS_ORDER[b] ? a : b;
}

function percent(value: number): string {
  return `${Number((value * 100).toFixed(2))}%`;
}

/**
 * An SLO's numbers from the bad share of requests over its window and
 * over each burn-rate window (null: no requests there).
 */
export function evaluateSlo(options: {
  objective: number;
  windowBadRatio: number | null;
  burnBadRatios: Record<string, number | null>;
  warningBudgetRemaining: number;
}): Pick<
  Slo,
  'attainment' | 'errorBudget' | 'burnRates' | 'status' | 'reason'
> {
  const { objective, windowBadRatio, burnBadRatios } = options;
  const total = 1 - objective;
  const burn = (window: string) => {
    const ratio = burnBadRatios[window];
    return ratio === null || ratio === undefined ? null : ratio / total;
  };
  const burnRates: BurnRate[] = BURN_RATE_ALERTS.map(alert => {
    const longRate = burn(alert.longWindow);
    const shortRate = burn(alert.shortWindow);
    return {
      ...alert,
      longRate,
      shortRate,
      firing:
        longRate !== null &&
        shortRate !== null &&
        longRate > alert.threshold &&
        shortRate > alert.threshold,
    };
  });
  if (windowBadRatio === null) {
    return {
      attainment: null,
      errorBudget: { total, consumed: null, remaining: null },
      burnRates,
      status: 'unknown',
      reason: 'no requests in the window, so there is nothing to measure',
    };
  }
  const consumed = windowBadRatio / total;
  const remaining = 1 - consumed;
  const firing = burnRates.filter(b => b.firing);
  let status: Slo['status'] = 'ok';
  let reason = `${percent(remaining)} of the error budget left`;
  if (remaining <= 0) {
    status = 'breached';
    reason = `the error budget is spent (${percent(remaining)} left)`;
  } else if (firing.length > 0) {
    status = 'warning';
    reason = `burning the budget ${firing
      .map(b => `${Number(b.longRate!.toFixed(1))}× over ${b.longWindow}`)
      .join(', ')} (${percent(remaining)} left)`;
  } else if (remaining < options.warningBudgetRemaining) {
    status = 'warning';
    reason = `only ${percent(remaining)} of the error budget left`;
  }
  return {
    attainment: 1 - windowBadRatio,
    errorBudget: { total, consumed, remaining },
    burnRates,
    status,
    reason,
  };
}
