export { SecretChangesTable } from './SecretChangesTable';
