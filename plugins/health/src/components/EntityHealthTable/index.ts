export { EntityHealthTable } from './EntityHealthTable';
