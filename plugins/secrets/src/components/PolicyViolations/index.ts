export { PolicyViolations } from './PolicyViolations';
