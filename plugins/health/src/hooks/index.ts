export {
  useEntityAlerts,
  useEntityDashboards,
  useEntityHealthSummary,
  useEntitySignals,
  useEntitySlos,
} from './useEntityHealthData';
export { useCatalogScopes as useHealthScopes } from '@finops/ui';
export type { CatalogScope as HealthScope } from '@finops/ui';
export { useHealthSummaries } from './useHealthSummaries';
export { useSignedInGroups } from './useSignedInGroups';

/** What a hook of this plugin gives a section to render: loading, failed or loaded. */
export interface Loadable<T> {
  value?: T;
  loading: boolean;
  error?: unknown;
  retry: () => void;
}
