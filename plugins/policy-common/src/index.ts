/**
 * Types and permissions shared by the policy family's frontend and backend
 * packages.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './permissions';
