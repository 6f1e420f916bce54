export { DoraMetricsSummary } from './DoraMetricsSummary';
