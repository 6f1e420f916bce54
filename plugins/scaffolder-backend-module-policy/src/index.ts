/**
 * The `finops:policy:check` scaffolder action: template parameters checked by
 * the `finops.scaffolder` Rego policy before anything is created.
 *
 * @packageDocumentation
 */

export { scaffolderModulePolicy as default } from './module';
