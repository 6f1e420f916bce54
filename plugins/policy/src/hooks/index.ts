export { useEntityCompliance } from './useEntityCompliance';
export { usePosture } from './usePosture';
export { usePendingExceptions } from './usePendingExceptions';
export { usePolicyRules } from './usePolicyRules';
export { usePolicyVersions } from './usePolicyVersions';
export { useDecisionLog, DECISION_LOG_PAGE_SIZE } from './useDecisionLog';
export type { DecisionLogFilters } from './useDecisionLog';
