/**
 * The pipelines backend plugin of the FinOps Platform.
 *
 * @packageDocumentation
 */

export { pipelinesPlugin as default } from './plugin';
