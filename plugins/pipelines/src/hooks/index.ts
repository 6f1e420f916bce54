export { useWorkflowRuns, RUNS_PAGE_SIZE } from './useWorkflowRuns';
export type { RunFilters } from './useWorkflowRuns';
export { useWorkflowRun } from './useWorkflowRun';
export { useEnvironments, HISTORY_LIMIT } from './useEnvironments';
export { useDoraMetrics } from './useDoraMetrics';
export { useDeliveryScopes } from './useDeliveryScopes';
export type { DeliveryScope } from './useDeliveryScopes';
