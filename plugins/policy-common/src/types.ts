import type {
  DecisionPoint,
  PolicyRule,
} from './schema/openapi/generated/models';

export const DECISION_POINTS: readonly DecisionPoint[] = [
  'catalog',
  'scaffolder',
  'deploy',
  'secrets',
  'permission',
];

/** Exceptions are granted for at most this long (policies/README.md). */
export const MAX_EXCEPTION_DAYS = 90;

/** A rule as the policy bundle declares it (`finops.<point>.rules[id]`). */
export type PolicyRuleDeclaration = Omit<
  PolicyRule,
  'id' | 'decisionPoint' | 'source'
>;

/** The permission decision point's answer (`finops.permission.decision`). */
export interface PermissionPolicyDecision {
  result: 'ALLOW' | 'DENY' | 'CONDITIONAL';
  reason: string;
}
