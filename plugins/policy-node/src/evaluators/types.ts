import { DecisionPoint } from '@finops/plugin-policy-common';

/**
 * Evaluates the `finops.<point>` Rego package for one input and returns the
 * package's document (allow, violations, excepted, decision; and `rules`
 * when asked for, which decisions do not need).
 */
export interface PolicyEvaluator {
  readonly kind: 'embedded' | 'server';
  evaluate(
    point: DecisionPoint,
    input: unknown,
    options?: { rules?: boolean },
  ): Promise<PolicyDocument>;
  /** Content hash of the Rego sources the evaluator decides with. */
  revision(): Promise<string>;
  /** The Rego sources (tests excluded) the evaluator decides with. */
  modules(): Promise<PolicyModule[]>;
}

/** One Rego file of the policy, by its path under policies/. */
export interface PolicyModule {
  path: string;
  raw: string;
}

export type PolicyDocument = Record<string, unknown>;
