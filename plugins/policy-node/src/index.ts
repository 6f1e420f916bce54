/**
 * Policy evaluation for backend code of the FinOps Platform: the
 * `PolicyService` other plugins decide with, and the embedded (Wasm) and
 * OPA-server evaluators of the `finops.*` Rego packages.
 *
 * @packageDocumentation
 */

export type {
  PolicyDocument,
  PolicyEvaluator,
  PolicyModule,
} from './evaluators/types';
export { WasmPolicyEvaluator } from './evaluators/WasmPolicyEvaluator';
export type { PolicyBundleManifest } from './evaluators/WasmPolicyEvaluator';
export { OpaServerPolicyEvaluator } from './evaluators/OpaServerPolicyEvaluator';
export { MeteredPolicyEvaluator } from './evaluators/MeteredPolicyEvaluator';
export type { PolicyEvaluationAttributes } from './evaluators/MeteredPolicyEvaluator';
export { policyRevision } from './evaluators/revision';
export { canonicalJson } from './canonicalJson';
export {
  createPolicyEvaluator,
  EMBEDDED_BUNDLE,
} from './createPolicyEvaluator';
export {
  decideWith,
  toPermissionDecision,
  toPolicyDecision,
  toRules,
} from './toPolicyDecision';
export { ruleSources } from './ruleSources';
export { permissionRoles } from './permissionRoles';
export type { PermissionRoles } from './permissionRoles';
export { HttpPolicyService, policyServiceRef } from './service/PolicyService';
export type { PolicyService } from './service/PolicyService';
