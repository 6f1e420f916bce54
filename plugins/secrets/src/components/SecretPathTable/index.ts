export { SecretPathTable } from './SecretPathTable';
