import { Config } from '@backstage/config';

const DEFAULT_FREQUENCY_MINUTES = 30;
const DEFAULT_LOOKBACK_HOURS = 24;
/** What a sweep leaves of GitHub's hourly budget for the rest of the backend. */
const DEFAULT_RATE_LIMIT_RESERVE = 100;
/** GitHub keeps runs 90 days by default; older ones are not worth asking for. */
const MAX_LOOKBACK_HOURS = 90 * 24;
const MAX_FREQUENCY_MINUTES = 24 * 60;

export interface BackfillConfig {
  /** Unset: on when the GitHub integration has credentials. */
  enabled: boolean | undefined;
  frequencyMinutes: number;
  lookbackHours: number;
  rateLimitReserve: number;
}

/** `pipelines.backfill.*` (see config.d.ts), with its defaults. */
export function readBackfillConfig(config: Config): BackfillConfig {
  const integer = (key: string, fallback: number, min: number, max: number) => {
    const value =
      config.getOptionalNumber(`pipelines.backfill.${key}`) ?? fallback;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(
        `pipelines.backfill.${key} must be an integer from ${min} to ${max}`,
      );
    }
    return value;
  };
  return {
    enabled: config.getOptionalBoolean('pipelines.backfill.enabled'),
    frequencyMinutes: integer(
      'frequency',
      DEFAULT_FREQUENCY_MINUTES,
      1,
      MAX_FREQUENCY_MINUTES,
    ),
    lookbackHours: integer(
      'lookbackHours',
      DEFAULT_LOOKBACK_HOURS,
      1,
      MAX_LOOKBACK_HOURS,
    ),
    rateLimitReserve: integer(
      'rateLimitReserve',
      DEFAULT_RATE_LIMIT_RESERVE,
      0,
      Number.MAX_SAFE_INTEGER,
    ),
  };
}
