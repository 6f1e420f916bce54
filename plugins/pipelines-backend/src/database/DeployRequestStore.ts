import {
  DeployAction,
  DeployRequest,
  DeployRequestStatus,
  DeployTarget,
} from '@finops/plugin-pipelines-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { isoTime, optionalIsoTime } from './records';

const DEFAULT_LIMIT = 50;

/** What a new request holds; the store adds its id and time. */
export interface NewDeployRequest {
  entityRef: string;
  action: DeployAction;
  environment: string;
  version: string;
  sha: string | null;
  requestedBy: string;
  commitAuthors: string[];
  target: DeployTarget | null;
}

/**
 * Deploy requests (`pipeline_deploy_requests`). A request leaves `pending`
 * once, through {@link DeployRequestStore.review}: two reviewers at the
 * same moment (or two replicas) cannot both decide it.
 */
export class DeployRequestStore {
  readonly #db: Knex;

  static create(db: Knex): DeployRequestStore {
    return new DeployRequestStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async create(
    request: NewDeployRequest,
    outcome: {
      status: DeployRequestStatus;
      message: string | null;
      now: number;
    },
  ): Promise<DeployRequest> {
    const id = randomUUID();
    await this.#db('pipeline_deploy_requests').insert({
      id,
      entity_ref: request.entityRef,
      action: request.action,
      environment: request.environment,
      version: request.version,
      sha: request.sha,
      status: outcome.status,
      requested_by: request.requestedBy,
      requested_at: outcome.now,
      commit_authors: JSON.stringify(request.commitAuthors),
      target: request.target ? JSON.stringify(request.target) : null,
      message: outcome.message,
    });
    return (await this.get(id))!;
  }

  async get(id: string): Promise<DeployRequest | undefined> {
    const row = await this.#db('pipeline_deploy_requests')
      .where('id', id)
      .first();
    return row ? toRequest(row) : undefined;
  }

  async list(filter: {
    entityRef?: string;
    status?: DeployRequestStatus;
    limit?: number;
  }): Promise<DeployRequest[]> {
    const query = this.#db('pipeline_deploy_requests')
      .orderBy([
        { column: 'requested_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(filter.limit ?? DEFAULT_LIMIT);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    if (filter.status) query.where('status', filter.status);
    return (await query).map(toRequest);
  }

  /**
   * Moves a pending request to its reviewed status; false if it was no
   * longer pending (someone else decided it first).
   */
  async review(
    id: string,
    review: {
      status: DeployRequestStatus;
      reviewedBy: string;
      comment: string | null;
      message: string | null;
      now: number;
    },
  ): Promise<boolean> {
    const updated = await this.#db('pipeline_deploy_requests')
      .where({ id, status: 'pending' })
      .update({
        status: review.status,
        reviewed_by: review.reviewedBy,
        reviewed_at: review.now,
        comment: review.comment,
        message: review.message,
      });
    return updated === 1;
  }

  /** What GitHub or Argo CD answered once the request ran. */
  async setOutcome(
    id: string,
    outcome: { status: 'dispatched' | 'failed'; message: string },
  ): Promise<void> {
    await this.#db('pipeline_deploy_requests')
      .where({ id })
      .update({ status: outcome.status, message: outcome.message });
  }

  async deleteOlderThan(cutoff: number): Promise<number> {
    return this.#db('pipeline_deploy_requests')
      .where('requested_at', '<', cutoff)
      .whereNot('status', 'pending')
      .delete();
  }
}

function toRequest(row: any): DeployRequest {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    action: row.action,
    environment: row.environment,
    version: row.version,
    sha: row.sha ?? null,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: isoTime(row.requested_at),
    reviewedBy: row.reviewed_by ?? null,
    reviewedAt: optionalIsoTime(row.reviewed_at),
    comment: row.comment ?? null,
    commitAuthors: JSON.parse(row.commit_authors),
    target: row.target ? JSON.parse(row.target) : null,
    message: row.message ?? null,
  };
}
