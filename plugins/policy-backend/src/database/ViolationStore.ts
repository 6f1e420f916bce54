import {
  ComplianceStatus,
  PolicyViolation,
  Posture,
} from '@finops/plugin-policy-common';
import { Knex } from 'knex';
import { readPosture } from './readPosture';

/** One evaluation of one entity by `finops.catalog`. */
export interface EntityEvaluation {
  entityRef: string;
  kind: string;
  owner: string | null;
  revision: string;
  evaluatedAt: Date;
  violations: PolicyViolation[];
  excepted: string[];
}

export interface StoredCompliance {
  entityRef: string;
  status: ComplianceStatus;
  revision: string | null;
  evaluatedAt: string | null;
  reason: string | null;
  violations: PolicyViolation[];
  excepted: string[];
}

/** Keeps `where in` lists well inside every database's parameter limit. */
const PRUNE_BATCH = 500;

/** The same violation is the same rule broken the same way. */
const violationKey = (v: { rule: string; message: string }) =>
  `${v.rule}\u0000${v.message}`;

/**
 * Current violations of each entity and their history
 * (`policy_entity_status`, `policy_violations`). A violation row opens when
 * a rule first fires and resolves when it stops, so the trend of any past
 * day is a count over the rows, with nothing to snapshot.
 */
export class ViolationStore {
  readonly #db: Knex;

  static create(db: Knex): ViolationStore {
    return new ViolationStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /** Replaces the entity's current violations with this evaluation's. */
  async record(evaluation: EntityEvaluation): Promise<void> {
    const { entityRef, evaluatedAt } = evaluation;
    await this.#db.transaction(async tx => {
      await this.#upsertStatus(tx, {
        entity_ref: entityRef,
        kind: evaluation.kind,
        owner: evaluation.owner,
        status: evaluation.violations.length > 0 ? 'fail' : 'pass',
        revision: evaluation.revision,
        evaluated_at: evaluatedAt,
        reason: null,
        excepted: JSON.stringify(evaluation.excepted),
      });
      const open = await tx('policy_violations')
        .where({ entity_ref: entityRef })
        .whereNull('resolved_at')
        .select(
          'id',
          'rule',
          'message',
          'severity',
          'remediation',
          'frameworks',
        );
      const next = new Map(
        evaluation.violations.map(v => [violationKey(v), v]),
      );
      const resolved = open.filter(row => !next.has(violationKey(row)));
      if (resolved.length > 0) {
        await tx('policy_violations')
          .whereIn(
            'id',
            resolved.map(row => row.id),
          )
          .update({ resolved_at: evaluatedAt });
      }
      // A new revision may restate a rule (severity, remediation,
      // frameworks) without it stopping to fire: same violation, new facts.
      for (const row of open) {
        const v = next.get(violationKey(row));
        if (
          v &&
          (v.severity !== row.severity ||
            v.remediation !== row.remediation ||
            JSON.stringify(v.frameworks) !== row.frameworks)
        ) {
          await tx('policy_violations')
            .where({ id: row.id })
            .update({
              severity: v.severity,
              remediation: v.remediation,
              frameworks: JSON.stringify(v.frameworks),
              revision: evaluation.revision,
            });
        }
      }
      const known = new Set(open.map(violationKey));
      const opened = [...next.values()].filter(
        v => !known.has(violationKey(v)),
      );
      if (opened.length > 0) {
        await tx('policy_violations').insert(
          opened.map(v => ({
            entity_ref: entityRef,
            rule: v.rule,
            severity: v.severity,
            message: v.message,
            remediation: v.remediation,
            frameworks: JSON.stringify(v.frameworks),
            revision: evaluation.revision,
            opened_at: evaluatedAt,
          })),
        );
      }
    });
  }

  /**
   * The policy could not be evaluated: the entity is "unknown", never
   * "pass". Its last known violations stay open.
   */
  async recordUnknown(options: {
    entityRef: string;
    kind: string;
    owner: string | null;
    evaluatedAt: Date;
    reason: string;
  }): Promise<void> {
    const existing = await this.#db('policy_entity_status')
      .where({ entity_ref: options.entityRef })
      .first();
    await this.#upsertStatus(this.#db, {
      entity_ref: options.entityRef,
      kind: options.kind,
      owner: options.owner,
      status: 'unknown',
      revision: existing?.revision ?? null,
      evaluated_at: options.evaluatedAt,
      reason: options.reason,
      excepted: existing?.excepted ?? '[]',
    });
  }

  /**
   * Forgets entities that left the catalog: their status goes and their
   * open violations resolve (the history stays for the trend).
   */
  async retainOnly(entityRefs: Set<string>, now: Date): Promise<number> {
    const known = await this.#db('policy_entity_status').select('entity_ref');
    const gone = known
      .map(row => row.entity_ref as string)
      .filter(ref => !entityRefs.has(ref));
    for (let i = 0; i < gone.length; i += PRUNE_BATCH) {
      const batch = gone.slice(i, i + PRUNE_BATCH);
      await this.#db.transaction(async tx => {
        await tx('policy_violations')
          .whereIn('entity_ref', batch)
          .whereNull('resolved_at')
          .update({ resolved_at: now });
        await tx('policy_entity_status').whereIn('entity_ref', batch).delete();
      });
    }
    return gone.length;
  }

  async get(entityRef: string): Promise<StoredCompliance> {
    const status = await this.#db('policy_entity_status')
      .where({ entity_ref: entityRef })
      .first();
    if (!status) {
      return {
        entityRef,
        status: 'not-evaluated',
        revision: null,
        evaluatedAt: null,
        reason: null,
        violations: [],
        excepted: [],
      };
    }
    const rows = await this.#db('policy_violations')
      .where({ entity_ref: entityRef })
      .whereNull('resolved_at')
      .orderBy('rule');
    return {
      entityRef,
      status: status.status,
      revision: status.revision,
      evaluatedAt: new Date(status.evaluated_at).toISOString(),
      reason: status.reason,
      violations: rows.map(toViolation),
      excepted: JSON.parse(status.excepted),
    };
  }

  /** The catalog's compliance by framework and owner, and its trend. */
  async posture(options: {
    days: number;
    now: Date;
  }): Promise<Omit<Posture, 'revision'>> {
    return readPosture(this.#db, options);
  }

  async #upsertStatus(db: Knex, row: Record<string, unknown>): Promise<void> {
    await db('policy_entity_status')
      .insert(row)
      .onConflict('entity_ref')
      .merge();
  }
}

function toViolation(row: any): PolicyViolation {
  return {
    rule: row.rule,
    severity: row.severity,
    message: row.message,
    remediation: row.remediation,
    frameworks: JSON.parse(row.frameworks),
  };
}
