import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { Config, readDurationFromConfig } from '@backstage/config';
import { TEMPLATE_METRICS } from '@finops/plugin-health-common';

/** The three kinds of source the health backend reads. */
export type SourceKind = 'prometheus' | 'alertmanager' | 'grafana';

/** One configured instance of a source. */
export interface SourceInstanceConfig {
  name: string;
  baseUrl: string;
  publicUrl: string;
  headers: Record<string, string>;
}

/** Every configured instance of one source kind. */
export interface SourceConfig {
  instances: SourceInstanceConfig[];
  defaultInstance: string | undefined;
}

export interface HealthSettings {
  cacheTtlMs: number;
  timeoutMs: number;
  prometheus: SourceConfig;
  alertmanager: SourceConfig;
  grafana: SourceConfig;
  rateWindow: string;
  metrics: {
    requestsHistogram: string;
    statusLabel: string;
    errorStatusPattern: string;
    cpuSeconds: string;
  };
  warningBudgetRemaining: number;
}

const NAME = /^[A-Za-z0-9_-]{1,63}$/;
const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const WINDOW = /^\d+[smhd]$/;

function duration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): number {
  if (!config.has(key)) return durationToMilliseconds(fallback);
  const value = config.getOptional(key);
  if (typeof value === 'string') {
    const match = /^(\d+)\s*(ms|s|m)$/.exec(value.trim());
    if (!match) {
      throw new Error(
        `health config ${key} "${value}" is not a duration such as 30s`,
      );
    }
    const factor = { ms: 1, s: 1000, m: 60_000 }[match[2] as 'ms' | 's' | 'm'];
    return Number(match[1]) * factor;
  }
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}

function source(config: Config, kind: SourceKind): SourceConfig {
  const block = config.getOptionalConfig(`health.${kind}`);
  if (!block) return { instances: [], defaultInstance: undefined };
  const instances = block.getConfigArray('instances').map(instance => {
    const name = instance.getString('name');
    if (!NAME.test(name)) {
      throw new Error(
        `health.${kind}.instances name "${name}" may only hold letters, digits, - and _`,
      );
    }
    const baseUrl = instance.getString('baseUrl').replace(/\/+$/, '');
    for (const [key, url] of [
      ['baseUrl', baseUrl],
      ['publicUrl', instance.getOptionalString('publicUrl') ?? baseUrl],
    ]) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new Error(
          `health.${kind}.instances "${name}" ${key} "${url}" is not a URL`,
        );
      }
      if (!/^https?:$/.test(parsed.protocol)) {
        throw new Error(
          `health.${kind}.instances "${name}" ${key} must be http or https`,
        );
      }
    }
    const headers: Record<string, string> = {};
    const headerConfig = instance.getOptionalConfig('headers');
    for (const key of headerConfig?.keys() ?? []) {
      headers[key] = headerConfig!.getString(key);
    }
    const token = instance.getOptionalString('token');
    if (token) headers.Authorization = `Bearer ${token}`;
    return {
      name,
      baseUrl,
      publicUrl: (instance.getOptionalString('publicUrl') ?? baseUrl).replace(
        /\/+$/,
        '',
      ),
      headers,
    };
  });
  const names = instances.map(i => i.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) {
    throw new Error(`health.${kind}.instances names "${duplicate}" twice`);
  }
  const defaultInstance =
    block.getOptionalString('defaultInstance') ??
    (instances.length === 1 ? instances[0].name : undefined);
  if (instances.length > 1 && !defaultInstance) {
    throw new Error(
      `health.${kind}.defaultInstance is required when there are several instances`,
    );
  }
  if (defaultInstance && !names.includes(defaultInstance)) {
    throw new Error(
      `health.${kind}.defaultInstance "${defaultInstance}" is not one of the instances`,
    );
  }
  return { instances, defaultInstance };
}

/** Reads and checks `health`; throws at startup on a wrong block. */
export function readHealthSettings(config: Config): HealthSettings {
  const metrics = config.getOptionalConfig('health.prometheus.metrics');
  const settings: HealthSettings = {
    cacheTtlMs: duration(config, 'health.cacheTtl', { seconds: 30 }),
    timeoutMs: duration(config, 'health.queryTimeout', { seconds: 5 }),
    prometheus: source(config, 'prometheus'),
    alertmanager: source(config, 'alertmanager'),
    grafana: source(config, 'grafana'),
    rateWindow:
      config.getOptionalString('health.prometheus.rateWindow') ?? '5m',
    metrics: {
      requestsHistogram:
        metrics?.getOptionalString('requestsHistogram') ??
        TEMPLATE_METRICS.requestsHistogram,
      statusLabel:
        metrics?.getOptionalString('statusLabel') ??
        TEMPLATE_METRICS.statusLabel,
      errorStatusPattern:
        metrics?.getOptionalString('errorStatusPattern') ?? '5..',
      cpuSeconds:
        metrics?.getOptionalString('cpuSeconds') ?? TEMPLATE_METRICS.cpuSeconds,
    },
    warningBudgetRemaining:
      config.getOptionalNumber('health.slo.warningBudgetRemaining') ?? 0.25,
  };
  if (!WINDOW.test(settings.rateWindow)) {
    throw new Error(
      `health.prometheus.rateWindow "${settings.rateWindow}" is not a PromQL duration such as 5m`,
    );
  }
  for (const key of ['requestsHistogram', 'cpuSeconds'] as const) {
    if (!METRIC.test(settings.metrics[key])) {
      throw new Error(`health.prometheus.metrics.${key} is not a metric name`);
    }
  }
  if (!LABEL.test(settings.metrics.statusLabel)) {
    throw new Error(
      'health.prometheus.metrics.statusLabel is not a label name',
    );
  }
  if (/["\\]/.test(settings.metrics.errorStatusPattern)) {
    throw new Error(
      'health.prometheus.metrics.errorStatusPattern may not hold quotes or backslashes',
    );
  }
  if (
    !(
      settings.warningBudgetRemaining >= 0 &&
      settings.warningBudgetRemaining <= 1
    )
  ) {
    throw new Error('health.slo.warningBudgetRemaining must be from 0 to 1');
  }
  return settings;
}
