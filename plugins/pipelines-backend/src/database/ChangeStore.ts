import { Knex } from 'knex';
import { ChangeRecord } from './records';

/** Who wrote the changes a deploy ships, as far as the history tells. */
export type ChangeAuthors =
  | { known: true; logins: string[] }
  | { known: false; reason: string };

/**
 * Changes that reached the default branch (`pipeline_changes`): commits of
 * pushes and merged pull requests, the start of lead time for changes, and
 * their authors for separation of duties.
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
   * it); the earliest time is kept, since lead time starts at the first,
   * and an author once known is kept.
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
          author: change.author,
        })
        .onConflict(['repository', 'sha'])
        .merge({
          changed_at: tx.raw(
            'CASE WHEN excluded.changed_at < pipeline_changes.changed_at ' +
              'THEN excluded.changed_at ELSE pipeline_changes.changed_at END',
          ),
          author: tx.raw('COALESCE(pipeline_changes.author, excluded.author)'),
        });
    }
  }

  /**
   * The authors of what deploying `sha` adds to an environment that runs
   * `baseSha`: the entity's changes after the base's newest change, up to
   * the target's newest (by change time: the history has no commit graph).
   * Going back (a roll-back, or no base) ships the target's own changes.
   * Unknown when the target was never seen as a change, or when any change
   * in between has no known author: separation of duties cannot be checked
   * on a partial list.
   */
  async authorsOf(
    entityRef: string,
    sha: string | null,
    baseSha: string | null,
  ): Promise<ChangeAuthors> {
    if (!sha) {
      return { known: false, reason: 'the version has no known commit' };
    }
    const newest = async (head: string) =>
      (
        await this.#db('pipeline_changes')
          .max({ at: 'changed_at' })
          .where({ entity_ref: entityRef, head_sha: head })
          .first()
      )?.at;
    const target = await newest(sha);
    if (target === null || target === undefined) {
      return {
        known: false,
        reason: `no change of ${sha.slice(0, 12)} was recorded`,
      };
    }
    const base = baseSha && baseSha !== sha ? await newest(baseSha) : null;
    const query = this.#db('pipeline_changes')
      .distinct('author')
      .where('entity_ref', entityRef);
    if (base !== null && base !== undefined && Number(base) < Number(target)) {
      query.where('changed_at', '>', base).andWhere('changed_at', '<=', target);
    } else {
      query.where('head_sha', sha);
    }
    const authors: Array<string | null> = (await query).map(r => r.author);
    if (authors.some(author => !author)) {
      return {
        known: false,
        reason: 'a change in this version has no known author',
      };
    }
    return { known: true, logins: (authors as string[]).sort() };
  }

  /** Whether `sha` is the head of a change of the entity. */
  async isHead(entityRef: string, sha: string): Promise<boolean> {
    const row = await this.#db('pipeline_changes')
      .select('sha')
      .where({ entity_ref: entityRef, head_sha: sha })
      .first();
    return row !== undefined;
  }

  async deleteOlderThan(cutoff: number): Promise<number> {
    return this.#db('pipeline_changes')
      .where('changed_at', '<', cutoff)
      .delete();
  }
}
