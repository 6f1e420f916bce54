export { SecretBindingsTable } from './SecretBindingsTable';
