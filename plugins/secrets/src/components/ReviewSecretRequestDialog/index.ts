export { ReviewSecretRequestDialog } from './ReviewSecretRequestDialog';
export type { Review } from './ReviewSecretRequestDialog';
