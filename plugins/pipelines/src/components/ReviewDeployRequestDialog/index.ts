export { ReviewDeployRequestDialog } from './ReviewDeployRequestDialog';
export type { Review } from './ReviewDeployRequestDialog';
