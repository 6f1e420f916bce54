export { ReviewSecretRequestDialog } from './ReviewSecretRequestDialog';
export type { Review, ReviewDecision } from './ReviewSecretRequestDialog';
