export { AlertsTable } from './AlertsTable';
