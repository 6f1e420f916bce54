import {
  DecisionLogEntry,
  DecisionLogPage,
  DecisionPoint,
} from '@finops/plugin-policy-common';
import { Knex } from 'knex';

export type { DecisionLogEntry };

/** A page is bounded so one query can never read the whole log. */
const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 100;
/** Rows per insert: 10 columns each stays far below SQLite's 999 variables. */
const MAX_BATCH = 50;

export interface DecisionLogFilter {
  decisionPoint?: DecisionPoint;
  actor?: string;
  subject?: string;
  allow?: boolean;
  revision?: string;
  /** Only entries older than this id (the previous page's `nextCursor`). */
  before?: string;
  limit?: number;
}

/**
 * The append-only decision log (`policy_decisions`). Pages go by id, which
 * grows with time, so a page boundary never skips or repeats an entry
 * while new decisions arrive.
 */
export class DecisionLogStore {
  readonly #db: Knex;
  readonly #queue: Array<{
    row: Record<string, unknown>;
    resolve(): void;
    reject(error: unknown): void;
  }> = [];
  #writing?: Promise<void>;

  static create(db: Knex): DecisionLogStore {
    return new DecisionLogStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /**
   * Appends one decision; resolves once it is stored. Decisions that arrive
   * while a write is in flight go into the next write together (group
   * commit): under load the log costs one insert per batch, not per
   * decision, and no caller is answered before its decision is stored.
   */
  record(
    entry: Omit<DecisionLogEntry, 'id' | 'subject'> & { subject?: string },
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ row: toRow(entry), resolve, reject });
      this.#writing ??= this.#drain();
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      try {
        await this.#db('policy_decisions').insert(batch.map(w => w.row));
        batch.forEach(w => w.resolve());
      } catch (error) {
        batch.forEach(w => w.reject(error));
      }
    }
    this.#writing = undefined;
  }

  /** Newest first, filtered; `nextCursor` is set when there may be more. */
  async list(filter: DecisionLogFilter): Promise<DecisionLogPage> {
    const limit = Math.min(filter.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const query = this.#db('policy_decisions')
      .orderBy('id', 'desc')
      .limit(limit);
    if (filter.decisionPoint) {
      query.where('decision_point', filter.decisionPoint);
    }
    if (filter.actor) query.where('actor', filter.actor);
    if (filter.subject) query.where('subject', filter.subject);
    if (filter.allow !== undefined) query.where('allow', filter.allow);
    if (filter.revision) query.where('revision', filter.revision);
    if (filter.before) query.where('id', '<', filter.before);
    const rows = await query;
    const items: DecisionLogEntry[] = rows.map(row => ({
      id: String(row.id),
      decisionPoint: row.decision_point,
      subject: row.subject ?? null,
      inputDigest: row.input_digest,
      allow: Boolean(row.allow),
      violations: JSON.parse(row.violations),
      revision: row.revision,
      durationMs: Number(row.duration_ms),
      actor: row.actor,
      decidedAt: new Date(row.decided_at).toISOString(),
    }));
    return items.length === limit
      ? { items, nextCursor: items[items.length - 1].id }
      : { items };
  }
}

function toRow(
  entry: Omit<DecisionLogEntry, 'id' | 'subject'> & { subject?: string },
): Record<string, unknown> {
  return {
    decision_point: entry.decisionPoint,
    subject: entry.subject ?? null,
    input_digest: entry.inputDigest,
    allow: entry.allow,
    violations: JSON.stringify(entry.violations),
    revision: entry.revision,
    duration_ms: entry.durationMs,
    actor: entry.actor,
    decided_at: new Date(entry.decidedAt),
  };
}
