import type { EntityHealth } from '@finops/plugin-health-common';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import type { SortDescriptor } from '@backstage/ui';
import {
  compareAlerts,
  compareHealthWorstFirst,
  compareWorstFirst,
} from '../../status';

/** "Card payments", or "card-payments" when the entity has no title. */
export function entityName(health: EntityHealth): string {
  return (
    health.title ??
    humanizeEntityRef(parseEntityRef(health.entityRef), {
      defaultKind: 'component',
    })
  );
}

/** Each sortable column's order, ascending. */
const ASCENDING: Record<string, (a: EntityHealth, b: EntityHealth) => number> =
  {
    entity: (a, b) => entityName(a).localeCompare(entityName(b)),
    // Ascending reads best to worst, so descending (the default) is worst first.
    status: (a, b) => compareWorstFirst(b.status, a.status),
    budget: (a, b) =>
      (a.errorBudgetRemaining ?? 0) - (b.errorBudgetRemaining ?? 0),
    alerts: compareAlerts,
  };

/** Rows without the value a column sorts by, which go last either way. */
const UNKNOWN: Record<string, (h: EntityHealth) => boolean> = {
  budget: h => h.errorBudgetRemaining === null,
  alerts: h => h.firingAlerts === null,
};

/** The first look at a team's health: the worst first. */
export const WORST_FIRST: SortDescriptor = {
  column: 'status',
  direction: 'descending',
};

/**
 * The rows in the order of the column sorted by, in either direction;
 * rows whose value is unknown last either way (an unknown budget is not
 * the most nor the least left), ties worst first.
 */
export function sortRows(
  rows: EntityHealth[],
  sort: SortDescriptor,
): EntityHealth[] {
  const column = String(sort.column);
  const compare = ASCENDING[column] ?? (() => 0);
  const unknown = UNKNOWN[column] ?? (() => false);
  const sign = sort.direction === 'descending' ? -1 : 1;
  return [...rows].sort(
    (a, b) =>
      Number(unknown(a)) - Number(unknown(b)) ||
      sign * compare(a, b) ||
      compareHealthWorstFirst(a, b),
  );
}
