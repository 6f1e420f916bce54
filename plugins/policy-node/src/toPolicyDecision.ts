import { ServiceUnavailableError } from '@backstage/errors';
import {
  DecisionPoint,
  PermissionPolicyDecision,
  PolicyDecision,
  PolicyRuleDeclaration,
  PolicyViolation,
} from '@finops/plugin-policy-common';
import { PolicyDocument, PolicyEvaluator } from './evaluators/types';

/**
 * Reads a decision point's document as the policies' contract defines it
 * (policies/README.md). A document that breaks the contract is an outage of
 * the policy, not an answer: it throws, so callers fail closed.
 */
export function toPolicyDecision(
  decisionPoint: DecisionPoint,
  document: PolicyDocument,
  revision: string,
): PolicyDecision {
  const { allow, violations = [], excepted = [] } = document;
  if (typeof allow !== 'boolean' || !Array.isArray(violations)) {
    throw new ServiceUnavailableError(
      `Policy finops.${decisionPoint} returned no decision (revision ${revision})`,
    );
  }
  return {
    decisionPoint,
    allow,
    violations: (violations as PolicyViolation[])
      .slice()
      .sort((a, b) => a.rule.localeCompare(b.rule)),
    excepted: (excepted as string[]).slice().sort(),
    revision,
  };
}

export function toPermissionDecision(
  document: PolicyDocument,
  revision: string,
): PermissionPolicyDecision {
  const decision = document.decision as PermissionPolicyDecision | undefined;
  if (
    !decision ||
    !['ALLOW', 'DENY', 'CONDITIONAL'].includes(decision.result)
  ) {
    throw new ServiceUnavailableError(
      `Policy finops.permission returned no decision (revision ${revision})`,
    );
  }
  return { result: decision.result, reason: String(decision.reason ?? '') };
}

export function toRules(
  document: PolicyDocument,
): Record<string, PolicyRuleDeclaration> {
  return (document.rules ?? {}) as Record<string, PolicyRuleDeclaration>;
}

/**
 * Evaluates one input and reads the answer: the policy backend decides
 * this way (and logs it); tests use it to decide without the backend.
 */
export async function decideWith(
  evaluator: PolicyEvaluator,
  decisionPoint: DecisionPoint,
  input: unknown,
): Promise<PolicyDecision> {
  const [document, revision] = await Promise.all([
    evaluator.evaluate(decisionPoint, input),
    evaluator.revision(),
  ]);
  if (decisionPoint !== 'permission') {
    return toPolicyDecision(decisionPoint, document, revision);
  }
  const { result, reason } = toPermissionDecision(document, revision);
  return {
    decisionPoint,
    allow: result === 'ALLOW',
    result,
    reason,
    violations: [],
    excepted: [],
    revision,
  };
}
