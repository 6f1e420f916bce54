export { GoldenPathFilters } from './GoldenPathFilters';
export type { GoldenPathFilterValues } from './GoldenPathFilters';
