/**
 * Types, permissions and the generated API client shared by the pipelines
 * family's frontend and backend packages.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './signals';
export * from './schema/openapi';
export { DefaultApiClient as PipelinesApiClient } from './schema/openapi';
