export { ReviewDeployRequestDialog } from './ReviewDeployRequestDialog';
export type { Review, ReviewDecision } from './ReviewDeployRequestDialog';
