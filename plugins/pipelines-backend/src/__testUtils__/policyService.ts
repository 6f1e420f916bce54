import {
  EMBEDDED_BUNDLE,
  decideWith,
  PolicyService,
  WasmPolicyEvaluator,
} from '@finops/plugin-policy-node';
import { EntityCompliance } from '@finops/plugin-policy-common';
import { stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The PolicyService with the real policies (the committed Wasm build of
 * policies/, as the policy backend's embedded evaluator runs it), minus
 * the HTTP hop and the decision log: every decision is kept in `decided`.
 * Compliance is what the test says it is (clean unless set).
 */
export async function realPolicyService(): Promise<
  Pick<PolicyService, 'decide' | 'getEntityCompliance'> & {
    decided: Array<{ point: string; input: any; allow: boolean }>;
    compliance: Map<string, Partial<EntityCompliance>>;
  }
> {
  const evaluator = await WasmPolicyEvaluator.fromFiles(EMBEDDED_BUNDLE);
  const decided: Array<{ point: string; input: any; allow: boolean }> = [];
  const compliance = new Map<string, Partial<EntityCompliance>>();
  return {
    decided,
    compliance,
    async decide(point, input) {
      const decision = await decideWith(evaluator, point, input);
      decided.push({ point, input, allow: decision.allow });
      return decision;
    },
    async getEntityCompliance(ref) {
      const entityRef = stringifyEntityRef(ref);
      return {
        entityRef,
        status: 'pass',
        revision: 'test',
        evaluatedAt: new Date().toISOString(),
        reason: null,
        violations: [],
        excepted: [],
        exceptions: [],
        ...compliance.get(entityRef),
      };
    },
  };
}
