/**
 * The error budgets of catalog entities, for backend plugins such as the
 * deploy gate.
 *
 * @packageDocumentation
 */

export * from './ErrorBudgetService';
