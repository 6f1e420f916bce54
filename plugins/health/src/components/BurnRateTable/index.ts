export { BurnRateTable } from './BurnRateTable';
