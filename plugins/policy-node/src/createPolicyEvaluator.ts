import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { OpaServerPolicyEvaluator } from './evaluators/OpaServerPolicyEvaluator';
import { PolicyEvaluator } from './evaluators/types';
import { WasmPolicyEvaluator } from './evaluators/WasmPolicyEvaluator';

/** The committed Wasm build of policies/ (scripts/lib/build-policy-bundle.sh). */
export const EMBEDDED_BUNDLE = {
  wasmPath: resolvePackagePath(
    '@finops/plugin-policy-node',
    'assets/policy.wasm',
  ),
  manifestPath: resolvePackagePath(
    '@finops/plugin-policy-node',
    'assets/manifest.json',
  ),
};

/**
 * The evaluator configuration asks for: `policy.evaluator: embedded` (the
 * local default, Wasm in process) or `server` (an OPA server at
 * `policy.opa.baseUrl`, production).
 */
export async function createPolicyEvaluator(
  config: Config,
): Promise<PolicyEvaluator> {
  const kind = config.getOptionalString('policy.evaluator') ?? 'embedded';
  if (kind === 'server') {
    return new OpaServerPolicyEvaluator({
      baseUrl: config.getString('policy.opa.baseUrl'),
    });
  }
  if (kind !== 'embedded') {
    throw new Error(
      `policy.evaluator must be 'embedded' or 'server', got '${kind}'`,
    );
  }
  return WasmPolicyEvaluator.fromFiles(EMBEDDED_BUNDLE);
}
