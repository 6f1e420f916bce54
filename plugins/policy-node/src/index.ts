/**
 * Policy evaluation for backend code of the FinOps Platform: the embedded
 * (Wasm) and OPA-server evaluators of the `finops.*` Rego packages.
 *
 * @packageDocumentation
 */

export type { PolicyDocument, PolicyEvaluator } from './evaluators/types';
export { WasmPolicyEvaluator } from './evaluators/WasmPolicyEvaluator';
export type { PolicyBundleManifest } from './evaluators/WasmPolicyEvaluator';
export { OpaServerPolicyEvaluator } from './evaluators/OpaServerPolicyEvaluator';
export { policyRevision } from './evaluators/revision';
export { canonicalJson } from './canonicalJson';
export {
  createPolicyEvaluator,
  EMBEDDED_BUNDLE,
} from './createPolicyEvaluator';
export {
  toPermissionDecision,
  toPolicyDecision,
  toRules,
} from './toPolicyDecision';
