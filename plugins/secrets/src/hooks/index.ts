export { useEntitySecrets } from './useEntitySecrets';
export { useSecretRequests } from './useSecretRequests';
export { useSecretsPermissions } from './useSecretsPermissions';
export type { SecretsPermissions } from './useSecretsPermissions';
