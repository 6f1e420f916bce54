import {
  SecretRequest,
  SecretRequestStatus,
  WorkloadAuth,
} from '@finops/plugin-secrets-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

const LIMIT = 50;

/**
 * What a request asks for, without values: the secrets by name with their
 * keys (a length for generated ones), and the workload's auth.
 */
export interface SecretRequestSpec {
  secrets: Array<{
    name: string;
    keys: Array<{ key: string; length: number }>;
  }>;
  auth: WorkloadAuth | null;
}

export interface NewSecretRequest {
  entityRef: string;
  action: 'provision' | 'rotate';
  environment: string;
  instance: string;
  spec: SecretRequestSpec;
  requestedBy: string;
}

export interface StoredSecretRequest extends SecretRequest {
  spec: SecretRequestSpec;
}

/**
 * Secret requests waiting for approval (`secret_requests`). A request
 * leaves `pending` once, through {@link SecretRequestStore.review}: two
 * reviewers at the same moment (or two replicas) cannot both apply it.
 */
export class SecretRequestStore {
  readonly #db: Knex;

  static create(db: Knex): SecretRequestStore {
    return new SecretRequestStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async create(
    request: NewSecretRequest,
    now: number,
  ): Promise<StoredSecretRequest> {
    const id = randomUUID();
    await this.#db('secret_requests').insert({
      id,
      entity_ref: request.entityRef,
      action: request.action,
      environment: request.environment,
      instance: request.instance,
      spec: JSON.stringify(request.spec),
      status: 'pending',
      requested_by: request.requestedBy,
      requested_at: now,
    });
    return (await this.get(id))!;
  }

  async get(id: string): Promise<StoredSecretRequest | undefined> {
    const row = await this.#db('secret_requests').where('id', id).first();
    return row ? toRequest(row) : undefined;
  }

  async list(entityRef: string): Promise<StoredSecretRequest[]> {
    const rows = await this.#db('secret_requests')
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'requested_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(LIMIT);
    return rows.map(toRequest);
  }

  /**
   * Moves a pending request to its reviewed status; false if it was no
   * longer pending (someone else decided it first).
   */
  async review(
    id: string,
    review: {
      status: SecretRequestStatus;
      reviewedBy: string;
      comment: string | null;
      message: string | null;
      now: number;
    },
  ): Promise<boolean> {
    const updated = await this.#db('secret_requests')
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

  /** What Vault answered when an approved request was applied. */
  async setOutcome(
    id: string,
    outcome: { status: 'applied' | 'failed'; message: string },
  ): Promise<void> {
    await this.#db('secret_requests')
      .where('id', id)
      .update({ status: outcome.status, message: outcome.message });
  }
}

function iso(value: unknown): string {
  return new Date(Number(value)).toISOString();
}

function toRequest(row: Record<string, any>): StoredSecretRequest {
  const spec = JSON.parse(row.spec) as SecretRequestSpec;
  return {
    id: row.id,
    entityRef: row.entity_ref,
    action: row.action,
    environment: row.environment,
    instance: row.instance,
    secrets: spec.secrets.map(s => ({
      name: s.name,
      keys: s.keys.map(k => k.key),
    })),
    authMethod: spec.auth?.method ?? null,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: iso(row.requested_at),
    reviewedBy: row.reviewed_by ?? null,
    reviewedAt: row.reviewed_at === null ? null : iso(row.reviewed_at),
    comment: row.comment ?? null,
    message: row.message ?? null,
    spec,
  };
}
