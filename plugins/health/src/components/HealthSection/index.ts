export { HealthSection } from './HealthSection';
