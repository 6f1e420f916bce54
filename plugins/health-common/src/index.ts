/**
 * Types, permissions, annotations, SLO declarations and the generated API
 * client shared by the health family's frontend, backend and the packages
 * that read error budgets.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './annotations';
export * from './schema/openapi';
export { DefaultApiClient as HealthApiClient } from './schema/openapi';
