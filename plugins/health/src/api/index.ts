export { healthApiRef } from './HealthApi';
export type { HealthApi, SignalRange, SummaryScope } from './HealthApi';
export { HealthClient } from './HealthClient';
