import { DecisionPoint, PolicyRule } from '@finops/plugin-policy-common';
import { Knex } from 'knex';

export interface PolicyVersion {
  revision: string;
  loadedAt: string;
  rules: Partial<Record<DecisionPoint, Record<string, PolicyRule>>>;
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
   * the same revision change nothing.
   */
  async recordLoaded(version: PolicyVersion): Promise<void> {
    await this.#db('policy_versions')
      .insert({
        revision: version.revision,
        loaded_at: new Date(version.loadedAt),
        rules: JSON.stringify(version.rules),
      })
      .onConflict('revision')
      .ignore();
  }

  async list(): Promise<PolicyVersion[]> {
    const rows = await this.#db('policy_versions').orderBy('loaded_at', 'desc');
    return rows.map(row => ({
      revision: row.revision,
      loadedAt: new Date(row.loaded_at).toISOString(),
      rules: JSON.parse(row.rules),
    }));
  }
}
