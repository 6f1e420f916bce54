import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { PolicyDecision, PolicyViolation } from '@finops/plugin-policy-common';
import { CommandContext } from '../../program/context';

export interface CheckedViolation extends PolicyViolation {
  /** An enforcing rule: the catalog refuses the entity while it fires. */
  enforcing: boolean;
}

export interface EntityPolicyResult {
  entityRef: string;
  /** No enforcing rule fires: the catalog would accept it. */
  allowed: boolean;
  violations: CheckedViolation[];
  /** Rules that fired but an approved exception covers. */
  excepted: string[];
  revision: string;
}

/**
 * Decides each entity with `finops.catalog`, as the catalog module does when
 * it processes the file, but without recording anything: a draft must not
 * replace the compliance of the entity the catalog holds. The input is the
 * module's (the entity and the groups that exist, here with those the file
 * itself declares); the entity ref as subject adds its approved exceptions.
 * Which rules enforce comes from the policy now loaded.
 */
export async function checkCatalogPolicy(
  context: CommandContext,
  entities: Entity[],
): Promise<EntityPolicyResult[]> {
  const session = await context.session();
  const { catalog, policy } = await context.clients();
  const [groups, rules] = await Promise.all([
    catalog.getEntities({
      filter: { kind: 'group' },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    }),
    policy.listRules({}).then(response => session.read(response)),
  ]);
  const groupRefs = [
    ...new Set([
      ...groups.items.map(group => stringifyEntityRef(group)),
      ...entities
        .filter(e => e.kind.toLocaleLowerCase('en-US') === 'group')
        .map(e => stringifyEntityRef(e)),
    ]),
  ];
  const enforcing = new Set(
    rules.rules.filter(rule => rule.enforcing).map(rule => rule.id),
  );

  return Promise.all(
    entities.map(async entity => {
      const entityRef = stringifyEntityRef(entity);
      const decision: PolicyDecision = await session.read(
        await policy.decide({
          path: { decisionPoint: 'catalog' },
          body: {
            input: { entity, groups: groupRefs, exceptions: [] },
            subject: entityRef,
          },
        }),
      );
      const violations = decision.violations
        .map(v => ({ ...v, enforcing: enforcing.has(v.rule) }))
        .sort(bySeverity);
      return {
        entityRef,
        allowed: violations.every(v => !v.enforcing),
        violations,
        excepted: decision.excepted,
        revision: decision.revision,
      };
    }),
  );
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];

function bySeverity(a: CheckedViolation, b: CheckedViolation): number {
  return (
    Number(b.enforcing) - Number(a.enforcing) ||
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    a.rule.localeCompare(b.rule)
  );
}
