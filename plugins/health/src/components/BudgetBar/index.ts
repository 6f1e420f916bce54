export { BudgetBar, budgetText } from './BudgetBar';
