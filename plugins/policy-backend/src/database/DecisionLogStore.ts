import { DecisionPoint, PolicyViolation } from '@finops/plugin-policy-common';
import { Knex } from 'knex';

/** One row of the decision log, as the API returns it. */
export interface DecisionLogEntry {
  id: string;
  decisionPoint: DecisionPoint;
  inputDigest: string;
  allow: boolean;
  violations: PolicyViolation[];
  revision: string;
  durationMs: number;
  actor: string;
  decidedAt: string;
}

/** A page is bounded so one query can never read the whole log. */
const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 100;

/** The append-only decision log (`policy_decisions`). */
export class DecisionLogStore {
  readonly #db: Knex;

  static create(db: Knex): DecisionLogStore {
    return new DecisionLogStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async record(entry: Omit<DecisionLogEntry, 'id'>): Promise<void> {
    await this.#db('policy_decisions').insert({
      decision_point: entry.decisionPoint,
      input_digest: entry.inputDigest,
      allow: entry.allow,
      violations: JSON.stringify(entry.violations),
      revision: entry.revision,
      duration_ms: entry.durationMs,
      actor: entry.actor,
      decided_at: new Date(entry.decidedAt),
    });
  }

  /** Newest first, optionally for one decision point or actor. */
  async list(filter: {
    decisionPoint?: DecisionPoint;
    actor?: string;
    limit?: number;
  }): Promise<DecisionLogEntry[]> {
    const limit = Math.min(filter.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const query = this.#db('policy_decisions')
      .orderBy([
        { column: 'decided_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    if (filter.decisionPoint)
      query.where('decision_point', filter.decisionPoint);
    if (filter.actor) query.where('actor', filter.actor);
    const rows = await query;
    return rows.map(row => ({
      id: String(row.id),
      decisionPoint: row.decision_point,
      inputDigest: row.input_digest,
      allow: Boolean(row.allow),
      violations: JSON.parse(row.violations),
      revision: row.revision,
      durationMs: Number(row.duration_ms),
      actor: row.actor,
      decidedAt: new Date(row.decided_at).toISOString(),
    }));
  }
}
