/**
 * Plumbing shared by the FinOps Platform backend plugins.
 *
 * @packageDocumentation
 */
export { migrateDatabase } from './migrateDatabase';
export { auditedUserAction } from './auditedUserAction';
export type { AuditedUserAction } from './auditedUserAction';
export { invalidTextAs400 } from './invalidTextAs400';
export { upstreamErrorAsOwn } from './upstreamErrorAsOwn';
