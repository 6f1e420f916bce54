export { ApprovalsQueue } from './ApprovalsQueue';
