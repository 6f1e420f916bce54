/**
 * Checks every entity the catalog processes against the `finops.catalog`
 * policy and records its violations in the policy backend.
 *
 * @packageDocumentation
 */

export { catalogModulePolicy as default } from './module';
