/**
 * Types, permissions and the generated API client shared by the policy
 * family's frontend and backend packages.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './permissions';
export * from './schema/openapi';
export { DefaultApiClient as PolicyApiClient } from './schema/openapi';
