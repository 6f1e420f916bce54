import type { DoraMetrics } from '@finops/plugin-pipelines-common';
import { formatDecimal, formatHours } from './format';

export type DoraRating = 'elite' | 'high' | 'medium' | 'low';

/*
 * DORA's performance bands, from the 2023 Accelerate State of DevOps Report
 * (Google Cloud / DORA, "Software delivery performance" clusters,
 * https://dora.dev/research/2023/dora-report/):
 *
 *   level   deploy frequency           lead time                recovery time            CFR
 *   elite   on demand (several a day)  less than one day        less than one hour       5%
 *   high    daily to weekly            one day to one week      less than one day        10%
 *   medium  weekly to monthly          one week to one month    one day to one week      15%
 *   low     weekly to monthly          one week to one month    one month to six months  64%
 *
 * The report gives clusters, not cut-offs, so a value is rated by the best
 * band whose description it meets. In 2023 medium and low share their
 * throughput descriptions; we read "low" there as "less than monthly" (the
 * earlier reports' wording), and the change failure rates, which are the
 * clusters' typical values, as upper limits.
 */
const HOURS_PER_DAY = 24;
const HOURS_PER_WEEK = 7 * HOURS_PER_DAY;
const HOURS_PER_MONTH = 30 * HOURS_PER_DAY;

/** Deployments per day at or above which each band starts. */
const FREQUENCY_BANDS: Array<[DoraRating, number]> = [
  ['elite', 1],
  ['high', 1 / 7],
  ['medium', 1 / 30],
];

/** Median lead time (hours) below which each band starts. */
const LEAD_TIME_BANDS: Array<[DoraRating, number]> = [
  ['elite', HOURS_PER_DAY],
  ['high', HOURS_PER_WEEK],
  ['medium', HOURS_PER_MONTH],
];

/** Median time to restore (hours) below which each band starts. */
const RESTORE_BANDS: Array<[DoraRating, number]> = [
  ['elite', 1],
  ['high', HOURS_PER_DAY],
  ['medium', HOURS_PER_WEEK],
];

/** Change failure rate (0..1) up to which each band reaches. */
const FAILURE_RATE_BANDS: Array<[DoraRating, number]> = [
  ['elite', 0.05],
  ['high', 0.1],
  ['medium', 0.15],
];

export function rateDeploymentFrequency(perDay: number): DoraRating {
  return FREQUENCY_BANDS.find(([, min]) => perDay >= min)?.[0] ?? 'low';
}

export function rateLeadTime(hours: number): DoraRating {
  return LEAD_TIME_BANDS.find(([, max]) => hours < max)?.[0] ?? 'low';
}

export function rateTimeToRestore(hours: number): DoraRating {
  return RESTORE_BANDS.find(([, max]) => hours < max)?.[0] ?? 'low';
}

export function rateChangeFailureRate(rate: number): DoraRating {
  return FAILURE_RATE_BANDS.find(([, max]) => rate <= max)?.[0] ?? 'low';
}

/** "2.4 per day" for daily deployers, "1.5 per week" for the rest. */
export function formatFrequency(perDay: number): string {
  return perDay >= 1
    ? `${formatDecimal(perDay)} per day`
    : `${formatDecimal(perDay * 7)} per week`;
}

/** One of the four metrics, ready to show: its value, rating and basis. */
export interface DoraFigure {
  key: 'frequency' | 'leadTime' | 'failureRate' | 'restore';
  label: string;
  /** Undefined when there is nothing to measure yet. */
  value?: string;
  rating?: DoraRating;
  /** What the figure is computed from, e.g. "12 deployments". */
  basis: string;
}

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/**
 * The four metrics as figures. The change failure rate is computed from
 * its counts, which leave no doubt about the scale `rate` is given in.
 */
export function doraFigures(metrics: DoraMetrics): DoraFigure[] {
  const {
    deploymentFrequency: frequency,
    leadTimeForChanges: leadTime,
    changeFailureRate: failures,
    timeToRestore: restore,
  } = metrics;
  const failureRate =
    failures.total > 0 ? failures.failed / failures.total : undefined;

  return [
    {
      key: 'frequency',
      label: 'Deployment frequency',
      value:
        frequency.deployments > 0
          ? formatFrequency(frequency.perDay)
          : undefined,
      rating:
        frequency.deployments > 0
          ? rateDeploymentFrequency(frequency.perDay)
          : undefined,
      basis: plural(frequency.deployments, 'deployment', 'deployments'),
    },
    {
      key: 'leadTime',
      label: 'Lead time for changes',
      value:
        leadTime.medianHours === null
          ? undefined
          : formatHours(leadTime.medianHours),
      rating:
        leadTime.medianHours === null
          ? undefined
          : rateLeadTime(leadTime.medianHours),
      basis: `median of ${plural(leadTime.samples, 'change', 'changes')}`,
    },
    {
      key: 'failureRate',
      label: 'Change failure rate',
      value:
        failureRate === undefined
          ? undefined
          : `${formatDecimal(failureRate * 100)}%`,
      rating:
        failureRate === undefined
          ? undefined
          : rateChangeFailureRate(failureRate),
      basis: `${failures.failed} of ${plural(
        failures.total,
        'deployment',
        'deployments',
      )} failed`,
    },
    {
      key: 'restore',
      label: 'Time to restore',
      value:
        restore.medianHours === null
          ? undefined
          : formatHours(restore.medianHours),
      rating:
        restore.medianHours === null
          ? undefined
          : rateTimeToRestore(restore.medianHours),
      basis: `median of ${plural(restore.samples, 'recovery', 'recoveries')}`,
    },
  ];
}
