export { EnvironmentColumn } from './EnvironmentColumn';
