import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { healthApiRef, type SignalRange } from '../api';

/*
 * One hook per source, so that each section of the Health tab loads, fails
 * and retries on its own: Prometheus being slow never holds the alerts up.
 */

/**
 * The entity's golden signals over `range`, asked again when it changes.
 * The answer keeps the range it was asked for: while the next range loads,
 * the last answer stays on screen and must still say which range it shows.
 */
export function useEntitySignals(entityRef: string, range: SignalRange) {
  const api = useApi(healthApiRef);
  return useAsyncRetry(
    async () => ({ range, signals: await api.getSignals(entityRef, range) }),
    [api, entityRef, range],
  );
}

/** The entity's SLOs, error budgets and burn rates. */
export function useEntitySlos(entityRef: string) {
  const api = useApi(healthApiRef);
  return useAsyncRetry(() => api.getSlos(entityRef), [api, entityRef]);
}

/** The entity's alerts and silences. */
export function useEntityAlerts(entityRef: string) {
  const api = useApi(healthApiRef);
  return useAsyncRetry(() => api.getAlerts(entityRef), [api, entityRef]);
}

/** The entity's Grafana dashboards, panels and alert rules. */
export function useEntityDashboards(entityRef: string) {
  const api = useApi(healthApiRef);
  return useAsyncRetry(() => api.getDashboards(entityRef), [api, entityRef]);
}

/** The entity's one status, for its overview card. */
export function useEntityHealthSummary(entityRef: string) {
  const api = useApi(healthApiRef);
  return useAsyncRetry(() => api.getSummary(entityRef), [api, entityRef]);
}
