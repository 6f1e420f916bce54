import {
  BackstageCredentials,
  CacheService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { createHash } from 'node:crypto';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ANNOTATION_ALERTMANAGER_INSTANCE,
  ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR,
  ANNOTATION_GRAFANA_DASHBOARD_SELECTOR,
  ANNOTATION_GRAFANA_INSTANCE,
  ANNOTATION_GRAFANA_PANELS,
  ANNOTATION_PROMETHEUS_INSTANCE,
  ANNOTATION_PROMETHEUS_QUERY_PREFIX,
  declaresSlos,
  EntityAlerts,
  EntityDashboards,
  EntityHealth,
  EntitySignals,
  EntitySlos,
  entityAlertSelector,
  entityPrometheusSelector,
  entitySloDeclarations,
  ErrorBudget,
  GOLDEN_SIGNALS,
  GoldenSignal,
  HealthStatus,
  healthReadPermission,
  InstanceStatus,
  SignalSeries,
  Slo,
  SloDeclaration,
  SourceState,
} from '@finops/plugin-health-common';
import { HealthSettings, SourceKind } from './healthConfig';
import {
  availabilityQueries,
  bucketsQuery,
  latencyQueries,
  signalQueries,
} from './promql';
import { BURN_WINDOWS, evaluateSlo, worseStatus } from './slo';
import { readAlerts } from './sources/alertmanager';
import {
  alertLabels,
  dashboardTags,
  panelRefs,
  readAlertRules,
  readDashboards,
  readPanels,
} from './sources/grafana';
import {
  instantQuery,
  instantValue,
  instantValues,
  rangeValues,
} from './sources/prometheus';
import { SourceClient } from './sources/SourceClient';
import { failedState, okState, SourceInstances } from './sources/Sources';

/** The ranges of the signals, in seconds. */
const RANGES = {
  '15m': 900,
  '1h': 3600,
  '6h': 21_600,
  '24h': 86_400,
  '7d': 604_800,
  '28d': 2_419_200,
} as const;
type Range = keyof typeof RANGES;

const UNITS: Record<GoldenSignal, SignalSeries['unit']> = {
  'request-rate': 'requests-per-second',
  'error-ratio': 'ratio',
  'latency-p50': 'seconds',
  'latency-p90': 'seconds',
  'latency-p99': 'seconds',
  saturation: 'cores',
};

/** Instant queries are made at times aligned to this, so caching works. */
const ALIGN_SECONDS = 5;
/** The most entities one summaries request reads. */
const MAX_SUMMARIES = 100;

function percent(value: number): string {
  return `${Number((value * 100).toFixed(2))}%`;
}

function sloTitle(slo: SloDeclaration): string {
  const target = percent(slo.objective);
  return slo.kind === 'availability'
    ? `${target} of requests succeed`
    : `${target} of requests faster than ${Number(
        (slo.thresholdSeconds * 1000).toFixed(1),
      )} ms`;
}

/**
 * An entity's health from its annotations: golden signals and SLOs from
 * Prometheus, alerts from Alertmanager, dashboards from Grafana. Each
 * source is read on its own, so one that fails degrades only its part.
 */
export class HealthService {
  readonly #catalog: CatalogService;
  readonly #permissions: PermissionsService;
  readonly #settings: HealthSettings;
  readonly #sources: Record<SourceKind, SourceInstances>;
  readonly #cache: CacheService;
  readonly #now: () => number;

  static create(options: {
    catalog: CatalogService;
    permissions: PermissionsService;
    settings: HealthSettings;
    sources: Record<SourceKind, SourceInstances>;
    cache: CacheService;
    now?: () => number;
  }): HealthService {
    return new HealthService(options);
  }

  private constructor(options: Parameters<typeof HealthService.create>[0]) {
    this.#catalog = options.catalog;
    this.#permissions = options.permissions;
    this.#settings = options.settings;
    this.#sources = options.sources;
    this.#cache = options.cache;
    this.#now = options.now ?? Date.now;
  }

  /** Every configured instance, probed now. */
  async status(): Promise<HealthStatus> {
    const probes: Record<
      SourceKind,
      { path: string; version: (body: any) => string | null }
    > = {
      prometheus: {
        path: '/api/v1/status/buildinfo',
        version: body => body?.data?.version ?? null,
      },
      alertmanager: {
        path: '/api/v2/status',
        version: body => body?.versionInfo?.version ?? null,
      },
      grafana: { path: '/api/health', version: body => body?.version ?? null },
    };
    const kinds = Object.keys(probes) as SourceKind[];
    const instances = await Promise.all(
      kinds.flatMap(kind =>
        this.#sources[kind]
          .list()
          .map(async ({ client, isDefault }): Promise<InstanceStatus> => {
            const about = {
              source: kind,
              name: client.name,
              default: isDefault,
              url: client.instance.baseUrl,
            };
            try {
              const { body, latencyMs } = await client.probe(probes[kind].path);
              return {
                ...about,
                state: 'ok',
                message: null,
                latencyMs,
                version: probes[kind].version(body),
              };
            } catch (error) {
              const state = failedState(client, error);
              return {
                ...about,
                state: state.state as 'unreachable' | 'error',
                message: state.message,
                latencyMs: null,
                version: null,
              };
            }
          }),
      ),
    );
    return {
      instances,
      unconfigured: kinds.filter(kind => !this.#sources[kind].configured),
    };
  }

  async signals(
    entityRef: unknown,
    range: Range | undefined,
    credentials: BackstageCredentials,
  ): Promise<EntitySignals> {
    const entity = await this.#readable(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    const seconds = RANGES[range ?? '1h'];
    const step = Math.max(15, Math.ceil(seconds / 120 / 15) * 15);
    const end = Math.floor(this.#now() / 1000 / step) * step;
    const window = { start: end - seconds, end, stepSeconds: step };
    const errors: string[] = [];
    const { selector, picked } = this.#prometheusOf(entity, errors);
    if (!(picked instanceof SourceClient) || !selector) {
      return {
        entityRef: ref,
        selector,
        range: window,
        signals: [],
        source: picked instanceof SourceClient ? okState(picked) : picked,
        errors,
      };
    }
    const defaults = signalQueries(
      selector,
      this.#settings.metrics,
      this.#settings.rateWindow,
    );
    const annotations = entity.metadata.annotations ?? {};
    try {
      const signals = await Promise.all(
        GOLDEN_SIGNALS.map(async signal => {
          const query =
            annotations[
              `${ANNOTATION_PROMETHEUS_QUERY_PREFIX}${signal}`
            ]?.trim() || defaults[signal];
          const [current, points] = await Promise.all([
            instantValue(picked, query, this.#alignedNow()),
            rangeValues(picked, query, { start: window.start, end, step }),
          ]);
          return { signal, unit: UNITS[signal], query, current, points };
        }),
      );
      return {
        entityRef: ref,
        selector,
        range: window,
        signals,
        source: okState(picked),
        errors,
      };
    } catch (error) {
      return {
        entityRef: ref,
        selector,
        range: window,
        signals: [],
        source: failedState(picked, error),
        errors,
      };
    }
  }

  async slos(
    entityRef: unknown,
    credentials: BackstageCredentials,
  ): Promise<EntitySlos> {
    const entity = await this.#readable(entityRef, credentials);
    return this.#slos(entity);
  }

  async errorBudget(
    entityRef: unknown,
    credentials: BackstageCredentials,
  ): Promise<ErrorBudget> {
    const entity = await this.#readable(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    if (!declaresSlos(entity)) {
      return {
        entityRef: ref,
        sloDeclared: false,
        errorBudgetRemaining: null,
        status: 'none',
        reason: 'the entity declares no SLO, so it has no error budget',
      };
    }
    const slos = await this.#slos(entity);
    const unknown = slos.slos.find(s => s.status === 'unknown');
    const reason =
      slos.errors[0] ??
      (slos.source.state !== 'ok' ? slos.source.message : null) ??
      (unknown ? `${unknown.title}: ${unknown.reason}` : null) ??
      slos.slos.map(s => `${s.title}: ${s.reason}`).join('; ');
    return {
      entityRef: ref,
      sloDeclared: true,
      errorBudgetRemaining: slos.errorBudgetRemaining,
      status: slos.status,
      reason: reason ?? 'no SLO could be read',
    };
  }

  async alerts(
    entityRef: unknown,
    credentials: BackstageCredentials,
  ): Promise<EntityAlerts> {
    const entity = await this.#readable(entityRef, credentials);
    return this.#alerts(entity);
  }

  async dashboards(
    entityRef: unknown,
    credentials: BackstageCredentials,
  ): Promise<EntityDashboards> {
    const entity = await this.#readable(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    const annotations = entity.metadata.annotations ?? {};
    const errors: string[] = [];
    const parse = <T>(fn: () => T, fallback: T): T => {
      try {
        return fn();
      } catch (error) {
        errors.push((error as Error).message);
        return fallback;
      }
    };
    const selector = annotations[ANNOTATION_GRAFANA_DASHBOARD_SELECTOR];
    const tags = selector ? parse(() => dashboardTags(selector), []) : [];
    const panelsAnnotation = annotations[ANNOTATION_GRAFANA_PANELS];
    const refs = panelsAnnotation
      ? parse(() => panelRefs(panelsAnnotation), [])
      : [];
    const labelSelector = annotations[ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR];
    const labels = labelSelector
      ? parse(() => alertLabels(labelSelector), undefined)
      : undefined;
    const empty = {
      entityRef: ref,
      dashboards: [],
      panels: [],
      alertRules: [],
      errors,
    };
    const picked = this.#sources.grafana.pick(
      annotations[ANNOTATION_GRAFANA_INSTANCE],
    );
    if (!(picked instanceof SourceClient)) return { ...empty, source: picked };
    try {
      const [dashboards, panels, alertRules] = await Promise.all([
        readDashboards(picked, tags),
        refs.length > 0 ? readPanels(picked, refs) : [],
        labels ? readAlertRules(picked, labels) : [],
      ]);
      return {
        ...empty,
        dashboards,
        panels,
        alertRules,
        source: okState(picked),
      };
    } catch (error) {
      return { ...empty, source: failedState(picked, error) };
    }
  }

  async summary(
    entityRef: unknown,
    credentials: BackstageCredentials,
  ): Promise<EntityHealth> {
    const entity = await this.#readable(entityRef, credentials);
    return this.#summary(entity);
  }

  async summaries(
    query: { owner?: string; system?: string },
    credentials: BackstageCredentials,
  ): Promise<{ items: EntityHealth[]; truncated: boolean }> {
    const { owner, system } = query;
    if ((owner === undefined) === (system === undefined)) {
      throw new InputError('Give exactly one of owner and system');
    }
    const target = this.#ref(owner ?? system, owner ? 'group' : 'system');
    const filter: Record<string, string> = owner
      ? { kind: 'component', 'relations.ownedBy': target }
      : { kind: 'component', 'relations.partOf': target };
    const { items, totalItems } = await this.#catalog.queryEntities(
      { filter, limit: MAX_SUMMARIES },
      { credentials },
    );
    const allowed = await this.#permissions.authorize(
      items.map(e => ({
        permission: healthReadPermission,
        resourceRef: stringifyEntityRef(e),
      })),
      { credentials },
    );
    const readable = items.filter(
      (_, i) => allowed[i].result === AuthorizeResult.ALLOW,
    );
    const rank = { breached: 0, unknown: 1, warning: 2, ok: 3 };
    const summaries = await Promise.all(readable.map(e => this.#summary(e)));
    summaries.sort(
      (a, b) =>
        rank[a.status] - rank[b.status] ||
        a.entityRef.localeCompare(b.entityRef),
    );
    return { items: summaries, truncated: totalItems > items.length };
  }

  async #summary(entity: Entity): Promise<EntityHealth> {
    const [slos, alerts] = await Promise.all([
      this.#slos(entity),
      this.#alerts(entity),
    ]);
    const reasons: string[] = [...slos.errors, ...alerts.errors];
    let status: EntityHealth['status'] = 'ok';
    for (const slo of slos.slos) {
      if (slo.status !== 'ok') {
        status = worseStatus(status, slo.status);
        reasons.push(`${slo.title}: ${slo.reason}`);
      }
    }
    if (slos.status !== 'none' && slos.source.state !== 'ok') {
      status = worseStatus(status, 'unknown');
      reasons.push(slos.source.message ?? 'Prometheus did not answer');
    } else if (slos.status === 'unknown') {
      status = worseStatus(status, 'unknown');
    }
    let firing: number | null = null;
    let critical: number | null = null;
    if (alerts.source.state === 'ok') {
      const active = alerts.alerts.filter(a => a.state === 'active');
      firing = active.length;
      critical = active.filter(
        a => (a.severity ?? '').toLowerCase() === 'critical',
      ).length;
      if (critical > 0) status = worseStatus(status, 'breached');
      else if (firing > 0) status = worseStatus(status, 'warning');
      if (firing > 0) {
        reasons.push(
          `${firing} alert${firing === 1 ? '' : 's'} firing${
            critical > 0 ? `, ${critical} critical` : ''
          }`,
        );
      }
    } else if (alerts.source.state !== 'not-configured') {
      status = worseStatus(status, 'unknown');
      reasons.push(alerts.source.message ?? 'Alertmanager did not answer');
    }
    const spec = entity.spec as { owner?: string; system?: string } | undefined;
    return {
      entityRef: stringifyEntityRef(entity),
      title: entity.metadata.title ?? null,
      owner: spec?.owner ?? null,
      system: spec?.system ?? null,
      status,
      // A malformed selector is both the series' and the alerts' problem.
      reasons: [...new Set(reasons)],
      errorBudgetRemaining: slos.errorBudgetRemaining,
      sloStatus: slos.status,
      firingAlerts: firing,
      criticalAlerts: critical,
      sources: [slos.source, alerts.source],
    };
  }

  /**
   * The entity's SLOs, evaluated at most once per `health.cacheTtl`: each
   * evaluation asks Prometheus for every window of every SLO (up to 30
   * days), at a time that moves every few seconds, so caching the queries
   * alone misses.
   * Keyed by the entity and its annotations (selector, SLOs, instance);
   * only answers Prometheus gave are kept.
   */
  async #slos(entity: Entity): Promise<EntitySlos> {
    const ttl = this.#settings.cacheTtlMs;
    if (ttl <= 0) return this.#evaluateSlos(entity);
    const key = `slos:${createHash('sha256')
      .update(
        JSON.stringify([
          stringifyEntityRef(entity),
          entity.metadata.annotations ?? {},
        ]),
      )
      .digest('hex')}`;
    const cached = await this.#cache.get<EntitySlos & JsonObject>(key);
    if (cached) return cached;
    const slos = await this.#evaluateSlos(entity);
    if (slos.source.state === 'ok') {
      await this.#cache.set(key, slos as EntitySlos & JsonObject, { ttl });
    }
    return slos;
  }

  async #evaluateSlos(entity: Entity): Promise<EntitySlos> {
    const ref = stringifyEntityRef(entity);
    const declarations = entitySloDeclarations(entity);
    const errors = [...declarations.errors];
    const { selector, picked } = this.#prometheusOf(entity, errors);
    const declared = declaresSlos(entity);
    const result = (slos: Slo[], source: SourceState): EntitySlos => {
      let status: EntitySlos['status'] = declared ? 'ok' : 'none';
      if (declared && (errors.length > 0 || slos.length === 0))
        status = 'unknown';
      for (const slo of slos)
        status = worseStatus(status as Slo['status'], slo.status);
      const remaining = slos.map(s => s.errorBudget.remaining);
      return {
        entityRef: ref,
        slos,
        errorBudgetRemaining:
          declared &&
          status !== 'unknown' &&
          remaining.length > 0 &&
          remaining.every(r => r !== null)
            ? Math.min(...(remaining as number[]))
            : null,
        status,
        source,
        errors,
      };
    };
    if (declarations.slos.length === 0) {
      return result(
        [],
        picked instanceof SourceClient ? okState(picked) : picked,
      );
    }
    const unknownSlo = (slo: SloDeclaration, reason: string): Slo => ({
      kind: slo.kind,
      title: sloTitle(slo),
      objective: slo.objective,
      windowDays: slo.windowDays,
      thresholdSeconds: slo.kind === 'latency' ? slo.thresholdSeconds : null,
      attainment: null,
      errorBudget: {
        total: 1 - slo.objective,
        consumed: null,
        remaining: null,
      },
      burnRates: evaluateSlo({
        objective: slo.objective,
        windowBadRatio: null,
        burnBadRatios: {},
        warningBudgetRemaining: this.#settings.warningBudgetRemaining,
      }).burnRates,
      status: 'unknown',
      reason,
      queries: { good: '', total: '' },
    });
    if (!(picked instanceof SourceClient) || !selector) {
      const reason =
        picked instanceof SourceClient
          ? 'the Prometheus selector is malformed'
          : picked.message ?? 'Prometheus is not configured';
      return result(
        declarations.slos.map(slo => unknownSlo(slo, reason)),
        picked instanceof SourceClient ? okState(picked) : picked,
      );
    }
    const time = this.#alignedNow();
    try {
      const buckets = declarations.slos.some(s => s.kind === 'latency')
        ? (
            await instantQuery(
              picked,
              bucketsQuery(selector, this.#settings.metrics),
              time,
            )
          )
            .map(s => Number(s.metric.le))
            .filter(le => Number.isFinite(le))
            .sort((a, b) => a - b)
        : [];
      const slos = await Promise.all(
        declarations.slos.map(async (slo): Promise<Slo> => {
          if (
            slo.kind === 'latency' &&
            !buckets.includes(slo.thresholdSeconds)
          ) {
            return unknownSlo(
              slo,
              buckets.length === 0
                ? `no ${
                    this.#settings.metrics.requestsHistogram
                  }_bucket series match ${selector}`
                : `${slo.thresholdSeconds}s is not a bucket boundary of ${
                    this.#settings.metrics.requestsHistogram
                  } (buckets: ${buckets.join(', ')})`,
            );
          }
          const queries =
            slo.kind === 'availability'
              ? availabilityQueries(
                  selector,
                  this.#settings.metrics,
                  slo.windowDays,
                )
              : latencyQueries(
                  selector,
                  this.#settings.metrics,
                  slo.thresholdSeconds,
                  slo.windowDays,
                );
          // The SLO's window and every burn-rate window in one request.
          const windows = [`${slo.windowDays}d`, ...BURN_WINDOWS];
          const ratios = await instantValues(
            picked,
            windows.map(w => ({ key: w, query: queries.badRatio(w) })),
            time,
          );
          const burnBadRatios = Object.fromEntries(
            BURN_WINDOWS.map((w, i) => [w, ratios[i + 1]]),
          );
          return {
            kind: slo.kind,
            title: sloTitle(slo),
            objective: slo.objective,
            windowDays: slo.windowDays,
            thresholdSeconds:
              slo.kind === 'latency' ? slo.thresholdSeconds : null,
            ...evaluateSlo({
              objective: slo.objective,
              windowBadRatio: ratios[0],
              burnBadRatios,
              warningBudgetRemaining: this.#settings.warningBudgetRemaining,
            }),
            queries: { good: queries.good, total: queries.total },
          };
        }),
      );
      return result(slos, okState(picked));
    } catch (error) {
      const source = failedState(picked, error);
      return result(
        declarations.slos.map(slo =>
          unknownSlo(slo, source.message ?? 'Prometheus did not answer'),
        ),
        source,
      );
    }
  }

  async #alerts(entity: Entity): Promise<EntityAlerts> {
    const ref = stringifyEntityRef(entity);
    const errors: string[] = [];
    let selector = '';
    try {
      selector = entityAlertSelector(entity);
    } catch (error) {
      errors.push((error as Error).message);
    }
    const picked = this.#sources.alertmanager.pick(
      entity.metadata.annotations?.[ANNOTATION_ALERTMANAGER_INSTANCE],
    );
    const empty = {
      entityRef: ref,
      selector,
      alerts: [],
      silences: [],
      errors,
    };
    if (!(picked instanceof SourceClient)) return { ...empty, source: picked };
    if (!selector) return { ...empty, source: okState(picked) };
    try {
      return {
        ...empty,
        ...(await readAlerts(picked, selector)),
        source: okState(picked),
      };
    } catch (error) {
      return { ...empty, source: failedState(picked, error) };
    }
  }

  /**
   * The entity's series selector ('' when malformed, with the reason added
   * to `errors`) and its Prometheus instance (or why there is none).
   */
  #prometheusOf(entity: Entity, errors: string[]) {
    let selector = '';
    try {
      selector = entityPrometheusSelector(entity);
    } catch (error) {
      errors.push((error as Error).message);
    }
    const picked = this.#sources.prometheus.pick(
      entity.metadata.annotations?.[ANNOTATION_PROMETHEUS_INSTANCE],
    );
    return { selector, picked };
  }

  #alignedNow(): number {
    return Math.floor(this.#now() / 1000 / ALIGN_SECONDS) * ALIGN_SECONDS;
  }

  #ref(value: unknown, defaultKind: string): string {
    try {
      return stringifyEntityRef(
        parseEntityRef(String(value), {
          defaultKind,
          defaultNamespace: 'default',
        }),
      );
    } catch {
      throw new InputError(`"${value}" is not an entity reference`);
    }
  }

  /** The entity, when the caller may see it and its health. */
  async #readable(
    entityRef: unknown,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const ref = this.#ref(entityRef, 'component');
    const entity = await this.#catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog`);
    const [decision] = await this.#permissions.authorize(
      [{ permission: healthReadPermission, resourceRef: ref }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not read the health of ${ref}`);
    }
    return entity;
  }
}

export type { Range as SignalRange };
