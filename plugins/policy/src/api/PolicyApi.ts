import { createApiRef } from '@backstage/frontend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  DecisionLogPage,
  DecisionPoint,
  EntityCompliance,
  ExceptionStatus,
  NewPolicyException,
  PolicyException,
  PolicyVersion,
  Posture,
} from '@finops/plugin-policy-common';

/** Filters of the decision log; every field narrows the result. */
export interface DecisionLogQuery {
  decisionPoint?: DecisionPoint;
  actor?: string;
  subject?: string;
  allow?: boolean;
  revision?: string;
  /** The `nextCursor` of the previous page. */
  before?: string;
  limit?: number;
}

/**
 * What the policy UI needs from the policy backend. Every method throws a
 * `ResponseError` carrying the server's message when the backend refuses.
 */
export interface PolicyApi {
  getEntityCompliance(entity: CompoundEntityRef): Promise<EntityCompliance>;
  listExceptions(query?: {
    status?: ExceptionStatus;
    entityRef?: string;
  }): Promise<PolicyException[]>;
  requestException(request: NewPolicyException): Promise<PolicyException>;
  approveException(id: string, comment?: string): Promise<PolicyException>;
  rejectException(id: string, comment?: string): Promise<PolicyException>;
  getPosture(options?: { days?: number }): Promise<Posture>;
  listDecisions(query?: DecisionLogQuery): Promise<DecisionLogPage>;
  /** The policy now loaded, with every rule and its Rego. */
  getCurrentRules(): Promise<PolicyVersion>;
  /** Every revision the portal has decided with, newest first. */
  listVersions(): Promise<PolicyVersion[]>;
}

export const policyApiRef = createApiRef<PolicyApi>().with({
  id: 'plugin.policy.api',
  pluginId: 'policy',
});
