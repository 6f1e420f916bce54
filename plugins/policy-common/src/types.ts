/** Where a decision is asked for; one Rego package `finops.<point>` each. */
export type DecisionPoint = 'catalog' | 'scaffolder' | 'deploy' | 'permission';

export const DECISION_POINTS: readonly DecisionPoint[] = [
  'catalog',
  'scaffolder',
  'deploy',
  'permission',
];

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** A rule as the policy bundle declares it (`finops.<point>.rules[id]`). */
export interface PolicyRule {
  title: string;
  severity: Severity;
  remediation: string;
  /** Framework controls the rule serves, e.g. `PCI-DSS 3.5`. */
  frameworks: string[];
  /** An enforcing rule blocks what it guards; others only report. */
  enforcing: boolean;
}

/** One rule that the input broke. */
export interface PolicyViolation {
  rule: string;
  severity: Severity;
  message: string;
  remediation: string;
  frameworks: string[];
}

/** What a decision point answered for one input. */
export interface PolicyDecision {
  decisionPoint: DecisionPoint;
  allow: boolean;
  violations: PolicyViolation[];
  /** Rules that fired but are covered by an active exception. */
  excepted: string[];
  /** Content hash of the policy bundle that decided. */
  revision: string;
}

/** The permission decision point's answer (`finops.permission.decision`). */
export interface PermissionPolicyDecision {
  result: 'ALLOW' | 'DENY' | 'CONDITIONAL';
  reason: string;
}
