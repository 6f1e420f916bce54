export { secretsApiRef } from './SecretsApi';
export type { SecretsApi } from './SecretsApi';
export { SecretsClient } from './SecretsClient';
export { errorMessage, isForbidden } from '@finops/ui';
