export { DeployRequestsTable } from './DeployRequestsTable';
