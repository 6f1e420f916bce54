import { Entity } from '@backstage/catalog-model';
import { declaresSlos } from '@finops/plugin-health-common';
import { EntityCompliance } from '@finops/plugin-policy-common';
import { LABEL_SOX_SCOPE } from '../annotations';

/** A change freeze from `pipelines.deploy.freezeWindows`. */
export interface FreezeWindow {
  start: number;
  end: number;
  environments: string[];
  reason: string;
}

/** SOX scope: the entity's label or annotation `finops.io/sox-scope`. */
export function soxScoped(entity: Entity): boolean {
  return (
    entity.metadata.labels?.[LABEL_SOX_SCOPE] === 'true' ||
    entity.metadata.annotations?.[LABEL_SOX_SCOPE] === 'true'
  );
}

/**
 * The error budget facts of finops.deploy. An entity that declares no SLO
 * (`finops.io/slo-availability`, `finops.io/slo-latency`) has no budget to
 * spend; for one that does, `remaining` is what the health backend
 * computed, and null when it could not, which finops.deploy refuses in
 * production, failing closed.
 */
export function errorBudgetFacts(
  entity: Entity,
  remaining: number | null,
): { slo_declared: boolean; error_budget_remaining: number | null } {
  const declared = declaresSlos(entity);
  return {
    slo_declared: declared,
    error_budget_remaining: declared ? remaining : null,
  };
}

/** Open violations as finops.deploy reads them, from the policy backend. */
export function openViolations(
  compliance: EntityCompliance,
): Array<{ rule: string; severity: string; excepted: boolean }> {
  const excepted = new Set(compliance.excepted);
  return compliance.violations.map(v => ({
    rule: v.rule,
    severity: v.severity,
    excepted: excepted.has(v.rule),
  }));
}

/** Freeze windows in the nanoseconds finops.deploy compares. */
export function freezeWindowsInput(windows: FreezeWindow[]) {
  return windows.map(w => ({
    start_ns: w.start * 1e6,
    end_ns: w.end * 1e6,
    environments: w.environments,
    reason: w.reason,
  }));
}
