export { GrafanaSection } from './GrafanaSection';
