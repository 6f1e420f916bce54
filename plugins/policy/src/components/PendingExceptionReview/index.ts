export { PendingExceptionReview } from './PendingExceptionReview';
