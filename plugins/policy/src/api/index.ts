export { policyApiRef } from './PolicyApi';
export type { PolicyApi, DecisionLogQuery } from './PolicyApi';
export { PolicyClient } from './PolicyClient';
export { errorMessage, isForbidden } from '@finops/ui';
