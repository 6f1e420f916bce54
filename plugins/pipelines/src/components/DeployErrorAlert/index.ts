export { DeployErrorAlert } from './DeployErrorAlert';
