export { DeployCheckSummary } from './DeployCheckSummary';
