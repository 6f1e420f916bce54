export { DeliveryFilters, RANGES, scopeKey } from './DeliveryFilters';
export type { RangeDays } from './DeliveryFilters';
