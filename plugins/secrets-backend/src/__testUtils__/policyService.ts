import {
  decideWith,
  EMBEDDED_BUNDLE,
  PolicyService,
  WasmPolicyEvaluator,
} from '@finops/plugin-policy-node';

/**
 * The PolicyService with the real policies (the committed Wasm build of
 * policies/, as the policy backend's embedded evaluator runs it), minus the
 * HTTP hop and the decision log: every decision is kept in `decided`, so a
 * leak test can scan what the decision log would have stored.
 */
export async function realPolicyService(): Promise<
  Pick<PolicyService, 'decide'> & {
    decided: Array<{ point: string; input: any; result: unknown }>;
  }
> {
  const evaluator = await WasmPolicyEvaluator.fromFiles(EMBEDDED_BUNDLE);
  const decided: Array<{ point: string; input: any; result: unknown }> = [];
  return {
    decided,
    async decide(point, input) {
      const decision = await decideWith(evaluator, point, input);
      decided.push({ point, input, result: decision });
      return decision;
    },
  };
}
