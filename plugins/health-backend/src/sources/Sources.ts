import { CacheService } from '@backstage/backend-plugin-api';
import { SourceState } from '@finops/plugin-health-common';
import { HealthSettings, SourceKind } from '../healthConfig';
import { SourceClient, SourceError } from './SourceClient';

const CONFIG_HELP: Record<SourceKind, string> = {
  prometheus:
    'Prometheus is not configured: add health.prometheus.instances to the app-config',
  alertmanager:
    'Alertmanager is not configured: add health.alertmanager.instances to the app-config',
  grafana:
    'Grafana is not configured: add health.grafana.instances to the app-config',
};

/** The configured instances of one source kind, by name. */
export class SourceInstances {
  readonly kind: SourceKind;
  readonly #clients: Map<string, SourceClient>;
  readonly #default: string | undefined;

  static create(
    kind: SourceKind,
    settings: HealthSettings,
    cache: CacheService,
  ): SourceInstances {
    return new SourceInstances(kind, settings, cache);
  }

  private constructor(
    kind: SourceKind,
    settings: HealthSettings,
    cache: CacheService,
  ) {
    this.kind = kind;
    this.#default = settings[kind].defaultInstance;
    this.#clients = new Map(
      settings[kind].instances.map(instance => [
        instance.name,
        SourceClient.create({
          kind,
          instance,
          cache,
          ttlMs: settings.cacheTtlMs,
          timeoutMs: settings.timeoutMs,
        }),
      ]),
    );
  }

  get configured(): boolean {
    return this.#clients.size > 0;
  }

  list(): Array<{ client: SourceClient; isDefault: boolean }> {
    return [...this.#clients.values()].map(client => ({
      client,
      isDefault: client.name === this.#default,
    }));
  }

  /**
   * The instance an entity names, else the default; a SourceState saying
   * what to configure when there is none.
   */
  pick(name: string | undefined): SourceClient | SourceState {
    const wanted = name?.trim() || this.#default;
    const client = wanted ? this.#clients.get(wanted) : undefined;
    if (client) return client;
    return {
      source: this.kind,
      instance: wanted ?? null,
      state: 'not-configured',
      message: this.configured
        ? `The entity names the ${this.kind} instance "${wanted}", which is not configured (health.${this.kind}.instances)`
        : CONFIG_HELP[this.kind],
    };
  }
}

/** The state of a source that answered. */
export function okState(client: SourceClient): SourceState {
  return {
    source: client.kind,
    instance: client.name,
    state: 'ok',
    message: null,
  };
}

/** The state of a source that failed; rethrows what is not a SourceError. */
export function failedState(client: SourceClient, error: unknown): SourceState {
  if (!(error instanceof SourceError)) throw error;
  return {
    source: client.kind,
    instance: client.name,
    state: error.state,
    message: error.message,
  };
}
