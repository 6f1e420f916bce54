export { RerunDialog } from './RerunDialog';
export { canRerunFailedJobs } from './rerun';
