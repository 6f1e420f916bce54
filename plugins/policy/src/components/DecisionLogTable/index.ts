export { DecisionLogTable } from './DecisionLogTable';
