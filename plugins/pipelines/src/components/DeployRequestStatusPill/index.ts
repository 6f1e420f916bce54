export { DeployRequestStatusPill } from './DeployRequestStatusPill';
