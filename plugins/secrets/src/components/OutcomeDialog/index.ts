export { OutcomeDialog } from './OutcomeDialog';
export type { SecretsResult } from './OutcomeDialog';
