/**
 * The secrets backend plugin of the FinOps Platform: Vault secrets of
 * catalog entities, provisioned with least privilege; values never reach
 * the browser or logs.
 *
 * @packageDocumentation
 */

export { secretsPlugin as default } from './plugin';
