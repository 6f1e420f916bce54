export { DeploymentStatusPill } from './DeploymentStatusPill';
