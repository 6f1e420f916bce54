export { PolicyRuleCard } from './PolicyRuleCard';
