import { Posture } from '@finops/plugin-policy-common';
import { Knex } from 'knex';

/** Posture answers cover at most a year of history. */
const MAX_TREND_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * The catalog's compliance by framework and owner, and its trend, from the
 * tables `ViolationStore` writes.
 */
export async function readPosture(
  db: Knex,
  options: { days: number; now: Date },
): Promise<Omit<Posture, 'revision'>> {
  const days = Math.min(Math.max(options.days, 1), MAX_TREND_DAYS);
  const statuses = await db('policy_entity_status').select(
    'entity_ref',
    'owner',
    'status',
  );
  const open = await db('policy_violations')
    .whereNull('resolved_at')
    .select('entity_ref', 'severity', 'frameworks');

  const byFramework = new Map<
    string,
    { violations: number; critical: number; entities: Set<string> }
  >();
  for (const row of open) {
    for (const framework of frameworkFamilies(JSON.parse(row.frameworks))) {
      const entry = byFramework.get(framework) ?? {
        violations: 0,
        critical: 0,
        entities: new Set<string>(),
      };
      entry.violations += 1;
      if (row.severity === 'critical') entry.critical += 1;
      entry.entities.add(row.entity_ref);
      byFramework.set(framework, entry);
    }
  }

  const violationsByEntity = new Map<string, number>();
  for (const row of open) {
    violationsByEntity.set(
      row.entity_ref,
      (violationsByEntity.get(row.entity_ref) ?? 0) + 1,
    );
  }
  const byOwner = new Map<
    string,
    { entities: number; failing: number; violations: number }
  >();
  for (const row of statuses) {
    const owner = row.owner ?? '(no owner)';
    const entry = byOwner.get(owner) ?? {
      entities: 0,
      failing: 0,
      violations: 0,
    };
    entry.entities += 1;
    if (row.status === 'fail') entry.failing += 1;
    entry.violations += violationsByEntity.get(row.entity_ref) ?? 0;
    byOwner.set(owner, entry);
  }

  const count = (status: string) =>
    statuses.filter(row => row.status === status).length;
  return {
    entities: {
      total: statuses.length,
      pass: count('pass'),
      fail: count('fail'),
      unknown: count('unknown'),
    },
    byFramework: [...byFramework]
      .map(([framework, e]) => ({
        framework,
        violations: e.violations,
        critical: e.critical,
        entities: e.entities.size,
      }))
      .sort((a, b) => b.violations - a.violations),
    byOwner: [...byOwner]
      .map(([owner, e]) => ({ owner, ...e }))
      .sort((a, b) => b.failing - a.failing || b.violations - a.violations),
    trend: await readTrend(db, days, options.now),
  };
}

/** Open violations at the end of each of the last `days` days. */
async function readTrend(
  db: Knex,
  days: number,
  now: Date,
): Promise<Posture['trend']> {
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const start = new Date(today - (days - 1) * DAY_MS);
  const rows = await db('policy_violations')
    .where(q => q.whereNull('resolved_at').orWhere('resolved_at', '>=', start))
    .select('entity_ref', 'severity', 'opened_at', 'resolved_at');
  const spans = rows.map(row => ({
    entityRef: row.entity_ref as string,
    critical: row.severity === 'critical',
    opened: new Date(row.opened_at).getTime(),
    resolved: row.resolved_at ? new Date(row.resolved_at).getTime() : null,
  }));
  return Array.from({ length: days }, (_, i) => {
    const dayStart = start.getTime() + i * DAY_MS;
    const end = Math.min(dayStart + DAY_MS, now.getTime());
    const openThen = spans.filter(
      s => s.opened <= end && (s.resolved === null || s.resolved > end),
    );
    return {
      day: new Date(dayStart).toISOString().slice(0, 10),
      violations: openThen.length,
      critical: openThen.filter(s => s.critical).length,
      failingEntities: new Set(openThen.map(s => s.entityRef)).size,
    };
  });
}

/** The frameworks our rules cite, by the prefix of their controls. */
const FRAMEWORKS = ['SOC 2', 'PCI-DSS', 'GDPR', 'SOX'];

/**
 * "PCI-DSS 3.5" and "PCI-DSS 8.6.2" are one framework for the posture;
 * a control of a framework we do not know counts under its first word.
 */
export function frameworkFamilies(frameworks: string[]): Set<string> {
  return new Set(
    frameworks.map(
      control =>
        FRAMEWORKS.find(f => control.startsWith(f)) ?? control.split(' ')[0],
    ),
  );
}
