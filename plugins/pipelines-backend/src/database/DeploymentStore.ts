import {
  Deployment,
  DeploymentStatus,
  EnvironmentState,
} from '@finops/plugin-pipelines-common';
import { Knex } from 'knex';
import { DeploymentRecord, deploymentStatusRank, isoTime } from './records';

const DEFAULT_HISTORY = 20;

/**
 * Deployments per environment (`pipeline_deployments`), from GitHub
 * deployment events and Argo CD syncs.
 */
export class DeploymentStore {
  readonly #db: Knex;

  static create(db: Knex): DeploymentStore {
    return new DeploymentStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /**
   * Stores a deployment unless the stored one is further along: a later
   * status (pending < in_progress < an outcome < rolled back), else a later
   * status time. As for runs, the comparison is in the upsert (raw: knex
   * cannot say a row-value comparison against `excluded`).
   */
  async upsert(tx: Knex.Transaction, d: DeploymentRecord): Promise<void> {
    await tx('pipeline_deployments')
      .insert({
        id: d.id,
        entity_ref: d.entityRef,
        environment: d.environment,
        version: d.version,
        sha: d.sha,
        status: d.status,
        status_rank: deploymentStatusRank(d.status),
        triggered_by: d.triggeredBy,
        approved_by: d.approvedBy,
        rollback: d.rollback,
        created_at: d.createdAt,
        updated_at: d.updatedAt,
        status_updated_at: d.statusUpdatedAt,
        url: d.url,
        source: d.source,
      })
      .onConflict('id')
      .merge()
      .where(
        tx.raw(
          '(excluded.status_rank, excluded.status_updated_at) >= ' +
            '(pipeline_deployments.status_rank, pipeline_deployments.status_updated_at)',
        ),
      );
  }

  /**
   * Each environment the entity was deployed to, with the newest
   * successful deployment and the history, newest first. Environments are
   * few per entity, so one small query each is cheaper than reading every
   * deployment.
   */
  async listEnvironments(
    entityRef: string,
    historyLimit = DEFAULT_HISTORY,
  ): Promise<EnvironmentState[]> {
    const environments: string[] = (
      await this.#db('pipeline_deployments')
        .distinct('environment')
        .where('entity_ref', entityRef)
        .orderBy('environment')
    ).map(row => row.environment);
    return Promise.all(
      environments.map(async environment => {
        const newestFirst = () =>
          this.#db('pipeline_deployments')
            .where({ entity_ref: entityRef, environment })
            .orderBy([
              { column: 'created_at', order: 'desc' },
              { column: 'id', order: 'desc' },
            ]);
        const [history, current] = await Promise.all([
          newestFirst().limit(historyLimit),
          newestFirst().where('status', 'success').first(),
        ]);
        return {
          environment,
          current: current ? toDeployment(current) : null,
          history: history.map(toDeployment),
        };
      }),
    );
  }

  /** The newest successful deployment of the entity to an environment. */
  async current(
    entityRef: string,
    environment: string,
  ): Promise<Deployment | undefined> {
    const row = await this.#db('pipeline_deployments')
      .where({ entity_ref: entityRef, status: 'success' })
      .whereRaw('LOWER(environment) = ?', [
        environment.toLocaleLowerCase('en-US'),
      ])
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    return row ? toDeployment(row) : undefined;
  }

  /**
   * The newest successful deployment of `version` (a ref or a sha), in
   * one environment or any.
   */
  async succeeded(
    entityRef: string,
    version: string,
    environment?: string,
  ): Promise<Deployment | undefined> {
    const query = this.#db('pipeline_deployments')
      .where({ entity_ref: entityRef, status: 'success' })
      .andWhere(q => q.where('version', version).orWhere('sha', version))
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    if (environment) {
      query.whereRaw('LOWER(environment) = ?', [
        environment.toLocaleLowerCase('en-US'),
      ]);
    }
    const row = await query.first();
    return row ? toDeployment(row) : undefined;
  }

  async deleteOlderThan(cutoff: number): Promise<number> {
    return this.#db('pipeline_deployments')
      .where('created_at', '<', cutoff)
      .delete();
  }
}

function toDeployment(row: any): Deployment {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    environment: row.environment,
    version: row.version,
    sha: row.sha,
    status: row.status as DeploymentStatus,
    triggeredBy: row.triggered_by,
    approvedBy: row.approved_by ?? null,
    rollback: Boolean(row.rollback),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    url: row.url ?? null,
    source: row.source,
  };
}
