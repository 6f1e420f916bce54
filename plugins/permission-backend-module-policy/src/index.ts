/***/
/**
 * The policy backend module for the permission plugin.
 *
 * @packageDocumentation
 */

export { permissionModulePolicy as default } from './module';
