import type { EntityHealth } from '@finops/plugin-health-common';

/** A status of the health API: an entity's, an SLO's, or `none` without SLOs. */
export type HealthState = 'ok' | 'warning' | 'breached' | 'unknown' | 'none';

/**
 * How bad a status is, for lists sorted worst first. Unknown ranks above
 * ok: nobody knows that the service is fine, so it deserves a look before
 * the ones that are.
 */
const SEVERITY: Record<HealthState, number> = {
  breached: 4,
  warning: 3,
  unknown: 2,
  ok: 1,
  none: 0,
};

/** Compares two statuses, the worse first. */
export function compareWorstFirst(a: HealthState, b: HealthState): number {
  return SEVERITY[b] - SEVERITY[a];
}

/**
 * Health rows worst first: by status, then by the least error budget left
 * (unknown budgets after known ones), then by the most critical and firing
 * alerts, then by name, so that the order is stable.
 */
export function compareHealthWorstFirst(
  a: EntityHealth,
  b: EntityHealth,
): number {
  return (
    compareWorstFirst(a.status, b.status) ||
    compareBudgets(a.errorBudgetRemaining, b.errorBudgetRemaining) ||
    compareAlerts(b, a) ||
    a.entityRef.localeCompare(b.entityRef)
  );
}

/** Least budget left first; an unknown budget sorts after every known one. */
export function compareBudgets(a: number | null, b: number | null): number {
  if (a === null || b === null) {
    return Number(a === null) - Number(b === null);
  }
  return a - b;
}

/** Fewer critical, then fewer firing alerts first; unknown counts first. */
export function compareAlerts(
  a: Pick<EntityHealth, 'criticalAlerts' | 'firingAlerts'>,
  b: Pick<EntityHealth, 'criticalAlerts' | 'firingAlerts'>,
): number {
  return (
    (a.criticalAlerts ?? -1) - (b.criticalAlerts ?? -1) ||
    (a.firingAlerts ?? -1) - (b.firingAlerts ?? -1)
  );
}
