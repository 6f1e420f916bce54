export { DecisionLogSearch } from './DecisionLogSearch';
