import { Config } from '@backstage/config';

const DEFAULT_RETENTION_DAYS = 400;
const DEFAULT_PRODUCTION_ENVIRONMENTS = ['production', 'prod'];
/** Relative to the backend's working directory, like catalog locations. */
const DEFAULT_EXAMPLES_DIRECTORY = '../../examples/pipelines';

export interface PipelinesConfig {
  retentionDays: number;
  productionEnvironments: string[];
  examples: { load: boolean; directory: string };
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
  };
}
