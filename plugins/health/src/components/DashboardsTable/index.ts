export { DashboardsTable } from './DashboardsTable';
