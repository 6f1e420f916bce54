/**
 * For tests, here and in other packages: the Vault-API test server, which
 * follows Vault's documented API for every endpoint the secrets backend
 * uses (the end-to-end tests give each backend one). Never used by the
 * backend itself.
 *
 * @packageDocumentation
 */
export { VaultApiServer, serviceAccountJwt } from './vault';
export type { VaultApiServerOptions } from './vault';
