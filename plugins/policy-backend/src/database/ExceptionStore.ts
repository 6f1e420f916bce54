import { ConflictError, NotFoundError } from '@backstage/errors';
import { ExceptionStatus, PolicyException } from '@finops/plugin-policy-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

/** Lists are bounded; an organisation has far fewer open exceptions. */
const MAX_LIST = 500;

/**
 * Exceptions to one rule for one entity (`policy_exceptions`). A review
 * only moves a pending exception, so two approvers racing cannot both
 * decide it, and an expired one cannot be approved.
 */
export class ExceptionStore {
  readonly #db: Knex;

  static create(db: Knex): ExceptionStore {
    return new ExceptionStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async create(request: {
    entityRef: string;
    rule: string;
    justification: string;
    compensatingControl: string;
    expiresAt: Date;
    requestedBy: string;
    requestedAt: Date;
  }): Promise<PolicyException> {
    return this.#db.transaction(async tx => {
      const open = await tx('policy_exceptions')
        .where({ entity_ref: request.entityRef, rule: request.rule })
        .whereIn('status', ['pending', 'approved'])
        .where('expires_at', '>', request.requestedAt)
        .first();
      if (open) {
        throw new ConflictError(
          `${request.rule} on ${request.entityRef} already has a ${open.status} exception (${open.id})`,
        );
      }
      const id = randomUUID();
      await tx('policy_exceptions').insert({
        id,
        entity_ref: request.entityRef,
        rule: request.rule,
        justification: request.justification,
        compensating_control: request.compensatingControl,
        expires_at: request.expiresAt,
        status: 'pending',
        requested_by: request.requestedBy,
        requested_at: request.requestedAt,
      });
      return toException(await tx('policy_exceptions').where({ id }).first());
    });
  }

  async get(id: string): Promise<PolicyException> {
    const row = await this.#db('policy_exceptions').where({ id }).first();
    if (!row) throw new NotFoundError(`No exception ${id}`);
    return toException(row);
  }

  async list(filter: {
    status?: ExceptionStatus;
    entityRef?: string;
  }): Promise<PolicyException[]> {
    const query = this.#db('policy_exceptions')
      .orderBy('requested_at', 'desc')
      .limit(MAX_LIST);
    if (filter.status) query.where('status', filter.status);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    return (await query).map(toException);
  }

  /** Approves or rejects a pending, unexpired exception. */
  async review(
    id: string,
    review: {
      status: 'approved' | 'rejected';
      reviewedBy: string;
      reviewedAt: Date;
      comment?: string;
    },
  ): Promise<PolicyException> {
    const updated = await this.#db('policy_exceptions')
      .where({ id, status: 'pending' })
      .where('expires_at', '>', review.reviewedAt)
      .update({
        status: review.status,
        reviewed_by: review.reviewedBy,
        reviewed_at: review.reviewedAt,
        review_comment: review.comment ?? null,
      });
    if (updated === 0) {
      const current = await this.get(id);
      throw new ConflictError(
        current.status === 'pending'
          ? `Exception ${id} expired before it was reviewed`
          : `Exception ${id} is already ${current.status}`,
      );
    }
    return this.get(id);
  }

  /** Rule ids with an approved exception on the entity that has not expired. */
  async activeRules(entityRef: string, now: Date): Promise<string[]> {
    const rows = await this.#db('policy_exceptions')
      .where({ entity_ref: entityRef, status: 'approved' })
      .where('expires_at', '>', now)
      .distinct('rule');
    return rows.map(row => row.rule).sort();
  }

  /** Lapses pending and approved exceptions past their expiry. */
  async expireDue(now: Date): Promise<PolicyException[]> {
    const due = await this.#db('policy_exceptions')
      .whereIn('status', ['pending', 'approved'])
      .where('expires_at', '<=', now);
    if (due.length === 0) return [];
    await this.#db('policy_exceptions')
      .whereIn(
        'id',
        due.map(row => row.id),
      )
      .whereIn('status', ['pending', 'approved'])
      .update({ status: 'expired' });
    return due.map(row => ({ ...toException(row), status: 'expired' }));
  }
}

function toException(row: any): PolicyException {
  const time = (value: unknown) =>
    value ? new Date(value as string).toISOString() : null;
  return {
    id: row.id,
    entityRef: row.entity_ref,
    rule: row.rule,
    justification: row.justification,
    compensatingControl: row.compensating_control,
    expiresAt: time(row.expires_at)!,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: time(row.requested_at)!,
    reviewedBy: row.reviewed_by ?? null,
    reviewedAt: time(row.reviewed_at),
    reviewComment: row.review_comment ?? null,
  };
}
