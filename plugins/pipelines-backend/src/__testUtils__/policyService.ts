import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityCompliance } from '@finops/plugin-policy-common';
import { PolicyService } from '@finops/plugin-policy-node';
import {
  embeddedPolicyDecisions,
  RecordedDecision,
} from '@finops/plugin-policy-node/testUtils';

/**
 * The PolicyService with the real policies, every decision kept in
 * `decided` (see embeddedPolicyDecisions). Compliance is what the test says
 * it is (clean unless set).
 */
export async function realPolicyService(): Promise<
  Pick<PolicyService, 'decide' | 'getEntityCompliance'> & {
    decided: RecordedDecision[];
    compliance: Map<string, Partial<EntityCompliance>>;
  }
> {
  const compliance = new Map<string, Partial<EntityCompliance>>();
  return {
    ...(await embeddedPolicyDecisions()),
    compliance,
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
