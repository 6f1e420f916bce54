import { DecisionPoint } from '@finops/plugin-policy-common';

/**
 * Evaluates the `finops.<point>` Rego package for one input and returns the
 * package's whole document (allow, violations, excepted, decision, rules).
 */
export interface PolicyEvaluator {
  readonly kind: 'embedded' | 'server';
  evaluate(point: DecisionPoint, input: unknown): Promise<PolicyDocument>;
  /** Content hash of the Rego sources the evaluator decides with. */
  revision(): Promise<string>;
}

export type PolicyDocument = Record<string, unknown>;
