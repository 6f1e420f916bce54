export { HealthScopePicker } from './HealthScopePicker';
