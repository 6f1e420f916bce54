/**
 * Helpers for the tests of the FinOps Platform's frontend plugins: the
 * errors their API clients throw, and a backend to test those clients against.
 *
 * @packageDocumentation
 */

export { backendAnswering } from './backendAnswering';
export { responseError } from './responseError';
