/**
 * The `finops:secrets:provision` scaffolder action: a new service's Vault
 * secrets, policies and auth roles provisioned through the secrets backend,
 * values never in task logs or outputs.
 *
 * @packageDocumentation
 */

export { scaffolderModuleSecrets as default } from './module';
