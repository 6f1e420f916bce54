export { SecretsOverview } from './SecretsOverview';
