export { pipelinesApiRef } from './PipelinesApi';
export type {
  DeployRequestQuery,
  DoraQuery,
  DoraScope,
  PipelinesApi,
  RunQuery,
} from './PipelinesApi';
export { PipelinesClient } from './PipelinesClient';
export { errorMessage, isForbidden } from '@finops/ui';
