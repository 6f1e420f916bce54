export { DeployRequests } from './DeployRequests';
