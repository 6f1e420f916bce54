/**
 * Types, permissions, annotations and the generated API client shared by
 * the secrets family's frontend, backend and scaffolder packages.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './annotations';
export * from './schema/openapi';
export { DefaultApiClient as SecretsApiClient } from './schema/openapi';
