export { SecretOutcomeSummary } from './SecretOutcomeSummary';
export type { SecretsOperation } from './SecretOutcomeSummary';
