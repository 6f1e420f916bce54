export { registerApprovals } from './approvals';
export { registerDeploy } from './deploy';
export { registerRollback } from './rollback';
