export { SecretRequestsTable, OWN_REQUEST } from './SecretRequestsTable';
