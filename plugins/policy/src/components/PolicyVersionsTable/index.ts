export { PolicyVersionsTable } from './PolicyVersionsTable';
