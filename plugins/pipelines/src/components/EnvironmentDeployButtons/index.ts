export { EnvironmentDeployButtons } from './EnvironmentDeployButtons';
