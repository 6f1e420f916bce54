export { DeployRequestOutcome } from './DeployRequestOutcome';
