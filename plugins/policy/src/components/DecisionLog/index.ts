export { DecisionLog } from './DecisionLog';
