/*
 * The anchor: what the database alone costs for the same deliveries. Each
 * delivery's rows (its delivery id, and its run, job, deployment or
 * changes) are written by one plain INSERT statement, in the same
 * PostgreSQL database as the plugin's tables, into copies of them (same
 * columns, keys and indexes), through knex with the backend's pool size
 * (5 unless --pool, as in production), at the same rate with the same
 * open loop. A lifecycle writes one row several times, so the insert replaces a
 * row it finds (ON CONFLICT ... DO UPDATE), without the plugin's ordering
 * rules or transaction. Replays are not sent: a plain insert has no
 * notion of them.
 */
import { Knex } from 'knex';
import {
  deploymentStatusRank,
  runStatusRank,
} from '../../../plugins/pipelines-backend/src/database/records';
import { StoredContent } from './deliveries';

const TABLES = [
  'pipeline_deliveries',
  'pipeline_runs',
  'pipeline_jobs',
  'pipeline_deployments',
  'pipeline_changes',
];
export const ANCHOR_PREFIX = 'anchor_';

export async function createAnchorTables(db: Knex): Promise<void> {
  for (const table of TABLES) {
    await db.raw('drop table if exists ??', [ANCHOR_PREFIX + table]);
    await db.raw('create table ?? (like ?? including all)', [
      ANCHOR_PREFIX + table,
      table,
    ]);
  }
}

export async function dropAnchorTables(db: Knex): Promise<void> {
  for (const table of TABLES) {
    await db.raw('drop table if exists ??', [ANCHOR_PREFIX + table]);
  }
}

/** One statement: the delivery's id row, and its content rows. */
export function anchorInsert(
  db: Knex,
  deliveryId: string,
  topic: string,
  content: StoredContent,
): Knex.QueryBuilder {
  const { table, key, rows } = rowsOf(content);
  return db
    .with(
      'delivery',
      db(`${ANCHOR_PREFIX}pipeline_deliveries`).insert({
        delivery_id: deliveryId,
        topic,
        received_at: Date.now(),
      }),
    )
    .insert(rows)
    .into(ANCHOR_PREFIX + table)
    .onConflict(key)
    .merge();
}

/** The columns the plugin's stores write for a delivery's content. */
function rowsOf(content: StoredContent): {
  table: string;
  key: string[];
  rows: Record<string, unknown>[];
} {
  const entity_ref = content.entityRef;
  switch (content.type) {
    case 'run': {
      const r = content.run;
      return {
        table: 'pipeline_runs',
        key: ['id'],
        rows: [
          {
            id: r.id,
            entity_ref,
            repository: r.repository,
            workflow_name: r.workflowName,
            run_number: r.runNumber,
            run_attempt: r.runAttempt,
            event: r.event,
            head_branch: r.headBranch,
            head_sha: r.headSha,
            actor: r.actor,
            status: r.status,
            status_rank: runStatusRank(r.status),
            conclusion: r.conclusion,
            created_at: r.createdAt,
            run_started_at: r.runStartedAt,
            completed_at: r.completedAt,
            html_url: r.htmlUrl,
            updated_at: r.updatedAt,
          },
        ],
      };
    }
    case 'job': {
      const j = content.job;
      return {
        table: 'pipeline_jobs',
        key: ['id'],
        rows: [
          {
            id: j.id,
            run_id: j.runId,
            run_attempt: j.runAttempt,
            entity_ref,
            name: j.name,
            status: j.status,
            status_rank: runStatusRank(j.status),
            conclusion: j.conclusion,
            created_at: j.createdAt,
            started_at: j.startedAt,
            completed_at: j.completedAt,
            runner_name: j.runnerName,
            html_url: j.htmlUrl,
            steps: JSON.stringify(j.steps),
          },
        ],
      };
    }
    case 'deployment': {
      const d = content.deployment;
      return {
        table: 'pipeline_deployments',
        key: ['id'],
        rows: [
          {
            id: d.id,
            entity_ref,
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
          },
        ],
      };
    }
    case 'changes':
      return {
        table: 'pipeline_changes',
        key: ['repository', 'sha'],
        rows: content.changes.map(c => ({
          repository: c.repository,
          sha: c.sha,
          entity_ref,
          head_sha: c.headSha,
          changed_at: c.changedAt,
          author: c.author,
        })),
      };
    default:
      throw new Error('Unknown delivery content');
  }
}
