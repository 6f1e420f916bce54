import { Config } from '@backstage/config';
import { BackfillConfig, readBackfillConfig } from './backfill/backfillConfig';
import { FreezeWindow } from './deploy/deployFacts';

const DEFAULT_RETENTION_DAYS = 400;
const DEFAULT_PRODUCTION_ENVIRONMENTS = ['production', 'prod'];
/** Relative to the backend's working directory, like catalog locations. */
const DEFAULT_EXAMPLES_DIRECTORY = '../../examples/pipelines';

export interface PipelinesConfig {
  retentionDays: number;
  productionEnvironments: string[];
  examples: { load: boolean; directory: string };
  backfill: BackfillConfig;
  freezeWindows: FreezeWindow[];
}

/** `pipelines.*` (see config.d.ts), with its defaults. */
export function readPipelinesConfig(config: Config): PipelinesConfig {
  const retentionDays =
    config.getOptionalNumber('pipelines.retention.days') ??
    DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new Error('pipelines.retention.days must be a positive integer');
  }
  return {
    retentionDays,
    productionEnvironments:
      config.getOptionalStringArray('pipelines.productionEnvironments') ??
      DEFAULT_PRODUCTION_ENVIRONMENTS,
    examples: {
      load: config.getOptionalBoolean('pipelines.examples.load') ?? false,
      directory:
        config.getOptionalString('pipelines.examples.directory') ??
        DEFAULT_EXAMPLES_DIRECTORY,
    },
    backfill: readBackfillConfig(config),
    freezeWindows: readFreezeWindows(config),
  };
}

function readFreezeWindows(config: Config): FreezeWindow[] {
  const key = 'pipelines.deploy.freezeWindows';
  return (config.getOptionalConfigArray(key) ?? []).map((window, i) => {
    const time = (field: 'start' | 'end') => {
      const value = window.getString(field);
      const ms = Date.parse(value);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
        throw new Error(
          `${key}[${i}].${field} is not an ISO 8601 time: ${value}`,
        );
      }
      return ms;
    };
    const [start, end] = [time('start'), time('end')];
    if (end <= start) {
      throw new Error(`${key}[${i}] ends before it starts`);
    }
    return {
      start,
      end,
      environments: window.getOptionalStringArray('environments') ?? [],
      reason: window.getOptionalString('reason') ?? 'change freeze',
    };
  });
}
