export { useEntitySecrets } from './useEntitySecrets';
export { useSecretRequests } from './useSecretRequests';
export { useCurrentUserRef } from './useCurrentUserRef';
export { useSecretsPermissions } from './useSecretsPermissions';
export type { SecretsPermissions } from './useSecretsPermissions';
