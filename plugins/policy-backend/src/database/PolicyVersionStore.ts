import { PolicyRule } from '@finops/plugin-policy-common';
import { Knex } from 'knex';

export interface LoadedVersion {
  revision: string;
  loadedAt: string;
  /** Every rule of every decision point, with its Rego. */
  rules: PolicyRule[];
}

/** The policy revisions decisions were made with (`policy_versions`). */
export class PolicyVersionStore {
  readonly #db: Knex;

  static create(db: Knex): PolicyVersionStore {
    return new PolicyVersionStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /**
   * Records a revision the first time any replica loads it; later loads of
   * the same revision change nothing. Returns whether it was new.
   */
  async recordLoaded(version: LoadedVersion): Promise<boolean> {
    const inserted = await this.#db('policy_versions')
      .insert({
        revision: version.revision,
        loaded_at: new Date(version.loadedAt),
        rules: JSON.stringify(version.rules),
      })
      .onConflict('revision')
      .ignore()
      .returning('revision');
    return inserted.length > 0;
  }

  async has(revision: string): Promise<boolean> {
    return Boolean(
      await this.#db('policy_versions').where({ revision }).first('revision'),
    );
  }

  async list(): Promise<LoadedVersion[]> {
    const rows = await this.#db('policy_versions').orderBy('loaded_at', 'desc');
    return rows.map(row => ({
      revision: row.revision,
      loadedAt: new Date(row.loaded_at).toISOString(),
      rules: toRuleList(JSON.parse(row.rules)),
    }));
  }
}

/**
 * Revisions recorded before rules carried their Rego stored an object of
 * rules per decision point; they are read as a list without sources.
 */
function toRuleList(stored: unknown): PolicyRule[] {
  if (Array.isArray(stored)) return stored;
  return Object.entries(stored as Record<string, Record<string, any>>).flatMap(
    ([decisionPoint, rules]) =>
      Object.entries(rules).map(([id, rule]) => ({
        id,
        decisionPoint,
        ...rule,
      })),
  ) as PolicyRule[];
}
