import type { PolicyViolation, Severity } from '@finops/plugin-policy-common';

/** Most severe first: the order every list of violations is shown in. */
export const SEVERITIES: readonly Severity[] = [
  'critical',
  'high',
  'medium',
  'low',
];

export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

/** Violations most severe first, then by rule id so the order is stable. */
export function sortViolations(
  violations: readonly PolicyViolation[],
): PolicyViolation[] {
  return [...violations].sort(
    (a, b) =>
      compareSeverity(a.severity, b.severity) || a.rule.localeCompare(b.rule),
  );
}

export function countBySeverity(
  violations: readonly PolicyViolation[],
): Record<Severity, number> {
  const counts: Record<Severity, number> = {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
  };
  for (const violation of violations) {
    counts[violation.severity] += 1;
  }
  return counts;
}
