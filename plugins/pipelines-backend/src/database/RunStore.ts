import {
  Artifact,
  RunConclusion,
  RunStatus,
  WorkflowJob,
  WorkflowRun,
  WorkflowRunDetail,
  WorkflowRunPage,
} from '@finops/plugin-pipelines-common';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  isoTime,
  JobRecord,
  optionalIsoTime,
  optionalMillis,
  RunRecord,
  runStatusRank,
} from './records';

const DEFAULT_PAGE_SIZE = 50;
/** The spec caps `limit` at 200; this holds if that ever changes. */
const MAX_PAGE_SIZE = 200;

/** Bounds `IN (...)` lists: SQLite allows 999 variables in older builds. */
const ID_BATCH = 500;

export interface RunBackfillState {
  runAttempt: number;
  status: string;
  updatedAt: number;
  backfilledUpdatedAt: number | null;
}

export interface RunFilter {
  entityRef: string;
  branch?: string;
  status?: RunStatus;
  conclusion?: string;
  actor?: string;
  workflow?: string;
  /** The previous page's `nextCursor`. */
  before?: string;
  limit?: number;
}

/**
 * Workflow runs with their jobs and artifacts (`pipeline_runs`,
 * `pipeline_jobs`, `pipeline_artifacts`). GitHub delivers a run's events
 * in any order and sometimes twice; a write replaces the stored row only if
 * it is at least as far along (see {@link RunStore.upsertRun}).
 */
export class RunStore {
  readonly #db: Knex;

  static create(db: Knex): RunStore {
    return new RunStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /**
   * Stores a run unless the stored one is further along: a later attempt,
   * else a later status (queued < in_progress < completed), else a later
   * GitHub `updated_at`. The comparison is in the upsert itself, so two
   * replicas writing the same run at once cannot interleave; row-value
   * comparison in `DO UPDATE ... WHERE` is not something knex can say.
   */
  async upsertRun(tx: Knex.Transaction, run: RunRecord): Promise<void> {
    await tx('pipeline_runs')
      .insert({
        id: run.id,
        entity_ref: run.entityRef,
        repository: run.repository,
        workflow_name: run.workflowName,
        run_number: run.runNumber,
        run_attempt: run.runAttempt,
        event: run.event,
        head_branch: run.headBranch,
        head_sha: run.headSha,
        actor: run.actor,
        status: run.status,
        status_rank: runStatusRank(run.status),
        conclusion: run.conclusion,
        created_at: run.createdAt,
        run_started_at: run.runStartedAt,
        completed_at: run.completedAt,
        html_url: run.htmlUrl,
        updated_at: run.updatedAt,
      })
      .onConflict('id')
      .merge()
      .where(
        tx.raw(
          '(excluded.run_attempt, excluded.status_rank, excluded.updated_at) >= ' +
            '(pipeline_runs.run_attempt, pipeline_runs.status_rank, pipeline_runs.updated_at)',
        ),
      );
  }

  /** Stores a job unless the stored one is of a later attempt or status. */
  async upsertJob(tx: Knex.Transaction, job: JobRecord): Promise<void> {
    await tx('pipeline_jobs')
      .insert({
        id: job.id,
        run_id: job.runId,
        run_attempt: job.runAttempt,
        entity_ref: job.entityRef,
        name: job.name,
        status: job.status,
        status_rank: runStatusRank(job.status),
        conclusion: job.conclusion,
        created_at: job.createdAt,
        started_at: job.startedAt,
        completed_at: job.completedAt,
        runner_name: job.runnerName,
        html_url: job.htmlUrl,
        steps: JSON.stringify(job.steps),
      })
      .onConflict('id')
      .merge()
      .where(
        tx.raw(
          '(excluded.run_attempt, excluded.status_rank) >= ' +
            '(pipeline_jobs.run_attempt, pipeline_jobs.status_rank)',
        ),
      );
  }

  /** Replaces a run's artifacts (what the REST backfill reads). */
  async replaceArtifacts(
    runId: string,
    artifacts: Array<Artifact & { createdAt: number }>,
  ): Promise<void> {
    await this.#db.transaction(async tx => {
      await tx('pipeline_artifacts').where('run_id', runId).delete();
      if (artifacts.length > 0) {
        await tx('pipeline_artifacts').insert(
          artifacts.map(a => ({
            run_id: runId,
            name: a.name,
            size_bytes: a.sizeBytes,
            digest: a.digest,
            url: a.url,
            expired: a.expired,
            created_at: a.createdAt,
          })),
        );
      }
    });
  }

  /**
   * What the REST backfill needs to know of these runs, where stored: how
   * far along each is, and for which state of it (GitHub's `updated_at`)
   * the backfill last read its jobs and artifacts.
   */
  async backfillStates(ids: string[]): Promise<Map<string, RunBackfillState>> {
    const states = new Map<string, RunBackfillState>();
    for (let i = 0; i < ids.length; i += ID_BATCH) {
      const rows = await this.#db('pipeline_runs')
        .whereIn('id', ids.slice(i, i + ID_BATCH))
        .select(
          'id',
          'run_attempt',
          'status',
          'updated_at',
          'backfilled_updated_at',
        );
      for (const row of rows) {
        states.set(row.id, {
          runAttempt: Number(row.run_attempt),
          status: row.status,
          updatedAt: Number(row.updated_at),
          backfilledUpdatedAt: optionalMillis(row.backfilled_updated_at),
        });
      }
    }
    return states;
  }

  /** Records that the backfill read the run's jobs and artifacts. */
  async markBackfilled(id: string, updatedAt: number): Promise<void> {
    await this.#db('pipeline_runs')
      .where('id', id)
      .update({ backfilled_updated_at: updatedAt });
  }

  /**
   * Newest first. The cursor is the last run's creation time and id, so a
   * page never skips or repeats a run while new runs arrive.
   */
  async listRuns(filter: RunFilter): Promise<WorkflowRunPage> {
    const limit = Math.min(filter.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const query = this.#db('pipeline_runs')
      .where('entity_ref', filter.entityRef)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    if (filter.branch) query.where('head_branch', filter.branch);
    if (filter.status) query.where('status', filter.status);
    if (filter.conclusion) query.where('conclusion', filter.conclusion);
    if (filter.actor) query.where('actor', filter.actor);
    if (filter.workflow) query.where('workflow_name', filter.workflow);
    if (filter.before) {
      const { createdAt, id } = parseCursor(filter.before);
      query.where(inner =>
        inner
          .where('created_at', '<', createdAt)
          .orWhere(same =>
            same.where('created_at', createdAt).andWhere('id', '<', id),
          ),
      );
    }
    const items = (await query).map(toRun);
    if (items.length < limit) {
      return { items };
    }
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: `${Date.parse(last.createdAt)}.${last.id}`,
    };
  }

  async getRun(id: string): Promise<WorkflowRunDetail | undefined> {
    const row = await this.#db('pipeline_runs').where('id', id).first();
    if (!row) {
      return undefined;
    }
    const [jobs, artifacts] = await Promise.all([
      this.#db('pipeline_jobs')
        .where('run_id', id)
        .orderBy([
          { column: 'created_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ]),
      this.#db('pipeline_artifacts').where('run_id', id).orderBy('name'),
    ]);
    return {
      ...toRun(row),
      jobs: jobs.map(toJob),
      artifacts: artifacts.map(a => ({
        name: a.name,
        sizeBytes: Number(a.size_bytes),
        digest: a.digest ?? null,
        url: a.url,
        expired: Boolean(a.expired),
      })),
    };
  }

  /** Deletes what was created before `cutoff`; returns how many runs. */
  async deleteOlderThan(cutoff: number): Promise<number> {
    return this.#db.transaction(async (tx): Promise<number> => {
      await tx('pipeline_jobs').where('created_at', '<', cutoff).delete();
      await tx('pipeline_artifacts').where('created_at', '<', cutoff).delete();
      return tx('pipeline_runs').where('created_at', '<', cutoff).delete();
    });
  }
}

function parseCursor(cursor: string): { createdAt: number; id: string } {
  const match = /^(\d{1,15})\.(\d{1,20})$/.exec(cursor);
  if (!match) {
    throw new InputError('before is not a cursor this API returned');
  }
  return { createdAt: Number(match[1]), id: match[2] };
}

function durationMs(start: unknown, end: unknown): number | null {
  const from = optionalMillis(start);
  const to = optionalMillis(end);
  return from === null || to === null ? null : Math.max(0, to - from);
}

function toRun(row: any): WorkflowRun {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    repository: row.repository,
    workflowName: row.workflow_name,
    runNumber: Number(row.run_number),
    runAttempt: Number(row.run_attempt),
    event: row.event,
    headBranch: row.head_branch ?? null,
    headSha: row.head_sha,
    actor: row.actor,
    status: row.status as RunStatus,
    conclusion: (row.conclusion ?? null) as RunConclusion | null,
    createdAt: isoTime(row.created_at),
    startedAt: optionalIsoTime(row.run_started_at),
    completedAt: optionalIsoTime(row.completed_at),
    durationMs: durationMs(row.run_started_at, row.completed_at),
    htmlUrl: row.html_url,
  };
}

function toJob(row: any): WorkflowJob {
  return {
    id: row.id,
    runId: row.run_id,
    name: row.name,
    status: row.status,
    conclusion: row.conclusion ?? null,
    startedAt: optionalIsoTime(row.started_at),
    completedAt: optionalIsoTime(row.completed_at),
    durationMs: durationMs(row.started_at, row.completed_at),
    runnerName: row.runner_name ?? null,
    htmlUrl: row.html_url ?? null,
    steps: JSON.parse(row.steps),
  };
}
