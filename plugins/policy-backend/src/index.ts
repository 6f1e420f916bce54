/**
 * The policy backend plugin of the FinOps Platform.
 *
 * @packageDocumentation
 */

export { policyPlugin as default } from './plugin';
