import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  EntityAlerts,
  EntityDashboards,
  EntityHealth,
  EntitySignals,
  EntitySlos,
  ListSummaries200Response,
} from '@finops/plugin-health-common';

/** How far back the golden signals reach, ending now. */
export type SignalRange = '15m' | '1h' | '6h' | '24h' | '7d' | '28d';

/** Whose components the Health page lists: a group's or user's, or a system's. */
export type SummaryScope = { owner: string } | { system: string };

/**
 * What the Health tab, card and page need from the health backend. Each
 * answer carries the state of the source it came from (Prometheus,
 * Alertmanager, Grafana), so that one being down never hides the others;
 * a method throws a `ResponseError` carrying the server's message only
 * when the backend itself refuses or fails.
 */
export interface HealthApi {
  /** The entity's golden signals over `range`, from Prometheus. */
  getSignals(entityRef: string, range: SignalRange): Promise<EntitySignals>;
  /** The entity's SLOs with attainment, error budget and burn rates. */
  getSlos(entityRef: string): Promise<EntitySlos>;
  /** The entity's alerts and the silences that match it, from Alertmanager. */
  getAlerts(entityRef: string): Promise<EntityAlerts>;
  /** The entity's Grafana dashboards, embedded panels and alert rules. */
  getDashboards(entityRef: string): Promise<EntityDashboards>;
  /** One status for the entity, from its SLOs and alerts. */
  getSummary(entityRef: string): Promise<EntityHealth>;
  /** The status of every component of an owner or a system, worst first. */
  listSummaries(scope: SummaryScope): Promise<ListSummaries200Response>;
}

export const healthApiRef = createApiRef<HealthApi>().with({
  id: 'plugin.health.api',
  pluginId: 'health',
});
