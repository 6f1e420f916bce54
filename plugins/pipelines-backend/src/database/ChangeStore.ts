import { Knex } from 'knex';
import { ChangeRecord } from './records';

/**
 * Changes that reached the default branch (`pipeline_changes`): commits of
 * pushes and merged pull requests, the start of lead time for changes.
 */
export class ChangeStore {
  readonly #db: Knex;

  static create(db: Knex): ChangeStore {
    return new ChangeStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /**
   * A commit can arrive twice (its push, and the pull request that merged
   * it); the earliest time is kept, since lead time starts at the first.
   */
  async record(tx: Knex.Transaction, changes: ChangeRecord[]): Promise<void> {
    for (const change of changes) {
      await tx('pipeline_changes')
        .insert({
          repository: change.repository,
          sha: change.sha,
          entity_ref: change.entityRef,
          head_sha: change.headSha,
          changed_at: change.changedAt,
        })
        .onConflict(['repository', 'sha'])
        .merge(['changed_at'])
        .where(tx.raw('excluded.changed_at < pipeline_changes.changed_at'));
    }
  }

  async deleteOlderThan(cutoff: number): Promise<number> {
    return this.#db('pipeline_changes')
      .where('changed_at', '<', cutoff)
      .delete();
  }
}
