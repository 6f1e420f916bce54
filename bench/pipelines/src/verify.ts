/*
 * "None lost or duplicated", checked in the plugin's database once the load
 * is over: every delivery id sent is in pipeline_deliveries exactly once
 * (replays included, which must add nothing), and every run, job,
 * deployment and change the deliveries carry is there, for the right
 * entity, in the state of the furthest-along delivery of its lifecycle
 * (a lost `completed` delivery leaves a run in progress). Rows beyond
 * those and the seeded history are counted as duplicates.
 */
import { Knex } from 'knex';
import {
  deploymentStatusRank,
  runStatusRank,
} from '../../../plugins/pipelines-backend/src/database/records';
import { Delivery } from './deliveries';

interface Expected {
  entityRef: string;
  status: string;
  /** Orders deliveries of one row as the plugin's upserts do. */
  order: number[];
}

/**
 * What the deliveries acknowledged so far must have left in the database.
 * A delivery answered otherwise than 202 was not taken: GitHub shows it as
 * failed, to be redelivered, and it is counted as an error, not as lost.
 */
export class Expectations {
  readonly deliveryIds = new Set<string>();
  readonly runs = new Map<string, Expected>();
  readonly jobs = new Map<string, Expected>();
  readonly deployments = new Map<string, Expected>();
  /** repository + '\n' + sha */
  readonly changes = new Map<string, Expected>();
  sent = 0;
  acknowledged = 0;

  /** `acknowledged[i]`: deliveries[i] was answered 202. */
  add(deliveries: Delivery[], acknowledged: boolean[]) {
    this.sent += deliveries.length;
    for (const [i, d] of deliveries.entries()) {
      if (!acknowledged[i]) continue;
      this.acknowledged += 1;
      this.deliveryIds.add(d.id);
      const c = d.content;
      const entityRef = c.entityRef;
      switch (c.type) {
        case 'run':
          keepFurthest(this.runs, c.run.id, {
            entityRef,
            status: c.run.status,
            order: [
              c.run.runAttempt,
              runStatusRank(c.run.status),
              c.run.updatedAt,
            ],
          });
          break;
        case 'job':
          keepFurthest(this.jobs, c.job.id, {
            entityRef,
            status: c.job.status,
            order: [c.job.runAttempt, runStatusRank(c.job.status)],
          });
          break;
        case 'deployment':
          keepFurthest(this.deployments, c.deployment.id, {
            entityRef,
            status: c.deployment.status,
            order: [
              deploymentStatusRank(c.deployment.status),
              c.deployment.statusUpdatedAt,
            ],
          });
          break;
        case 'changes':
          for (const change of c.changes) {
            keepFurthest(this.changes, `${change.repository}\n${change.sha}`, {
              entityRef,
              status: '',
              order: [],
            });
          }
          break;
        default:
          break;
      }
    }
  }
}

function keepFurthest(map: Map<string, Expected>, id: string, e: Expected) {
  const known = map.get(id);
  if (!known || compare(e.order, known.order) >= 0) map.set(id, e);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

export interface TableCheck {
  table: string;
  expected: number;
  found: number;
  /** Expected rows absent. */
  missing: number;
  /** Present, but for another entity or not in the final state. */
  wrongState: number;
  /** Rows beyond the expected ones and the seeded history. */
  extra: number;
}

export interface StorageCheck {
  deliveriesSent: number;
  /** Answered 202: what must be stored. */
  deliveriesAcknowledged: number;
  distinctDeliveries: number;
  tables: TableCheck[];
  lost: number;
  duplicated: number;
}

/** Seeded rows per table, which are not the deliveries'. */
export type SeededCounts = Partial<Record<string, number>>;

export async function checkStorage(
  db: Knex,
  expected: Expectations,
  seeded: SeededCounts,
): Promise<StorageCheck> {
  const ids = [...expected.deliveryIds];
  const deliveries = await compareRows(db, {
    table: 'pipeline_deliveries',
    keys: ['delivery_id'],
    expected: new Map(ids.map(id => [id, undefined])),
    seeded: 0,
  });
  const tables = [
    deliveries,
    await compareRows(db, {
      table: 'pipeline_runs',
      keys: ['id'],
      expected: expected.runs,
      seeded: seeded.pipeline_runs ?? 0,
    }),
    await compareRows(db, {
      table: 'pipeline_jobs',
      keys: ['id'],
      expected: expected.jobs,
      seeded: seeded.pipeline_jobs ?? 0,
    }),
    await compareRows(db, {
      table: 'pipeline_deployments',
      keys: ['id'],
      expected: expected.deployments,
      seeded: seeded.pipeline_deployments ?? 0,
    }),
    await compareRows(db, {
      table: 'pipeline_changes',
      keys: ['repository', 'sha'],
      expected: expected.changes,
      seeded: seeded.pipeline_changes ?? 0,
    }),
  ];
  return {
    deliveriesSent: expected.sent,
    deliveriesAcknowledged: expected.acknowledged,
    distinctDeliveries: ids.length,
    tables,
    lost: tables.reduce((n, t) => n + t.missing + t.wrongState, 0),
    duplicated: tables.reduce((n, t) => n + t.extra, 0),
  };
}

/**
 * Joins the expected keys (sent as arrays, unnested) with the table: one
 * query per table, whatever the number of rows.
 */
async function compareRows(
  db: Knex,
  options: {
    table: string;
    keys: string[];
    expected: Map<string, Expected | undefined>;
    seeded: number;
  },
): Promise<TableCheck> {
  const { table, keys } = options;
  const entries = [...options.expected];
  const keyColumns = keys.map((_, i) =>
    entries.map(([key]) => key.split('\n')[i]),
  );
  const withState = table !== 'pipeline_deliveries';
  const hasStatus = withState && table !== 'pipeline_changes';
  const columns = [
    ...keys.map((_, i) => `k${i}`),
    ...(withState ? ['entity_ref', 'status'] : []),
  ];
  const arrays = [
    ...keyColumns,
    ...(withState
      ? [
          entries.map(([, e]) => e!.entityRef),
          entries.map(([, e]) => e!.status),
        ]
      : []),
  ];
  const join = keys.map((k, i) => `t.${k} = e.k${i}`).join(' and ');
  const wrong = withState
    ? `t.entity_ref <> e.entity_ref${
        hasStatus ? ' or t.status <> e.status' : ''
      }`
    : 'false';
  const { rows } = await db.raw(
    `select count(*) filter (where t.${keys[0]} is null) as missing,
            count(*) filter (where t.${
              keys[0]
            } is not null and (${wrong})) as wrong
       from unnest(${arrays.map(() => '?::text[]').join(', ')})
            as e(${columns.join(', ')})
       left join ${table} t on ${join}`,
    arrays,
  );
  const [{ total }] = (await db(table).count('* as total')) as Array<{
    total: string;
  }>;
  const missing = Number(rows[0].missing);
  const found = entries.length - missing;
  return {
    table,
    expected: entries.length,
    found,
    missing,
    wrongState: Number(rows[0].wrong),
    extra: Number(total) - options.seeded - found,
  };
}

/**
 * Ingestion after the answer: how long after the last answer of a step all
 * its delivery ids were in the database (0 when they already were).
 */
export async function ingestionLagMs(
  db: Knex,
  distinctSoFar: number,
  lastAnswerAt: number,
  timeoutMs = 30_000,
): Promise<number | null> {
  for (let first = true; ; first = false) {
    const [{ total }] = (await db('pipeline_deliveries').count(
      '* as total',
    )) as Array<{ total: string }>;
    const now = performance.now();
    if (Number(total) >= distinctSoFar) {
      return first ? 0 : now - lastAnswerAt;
    }
    if (now - lastAnswerAt > timeoutMs) return null;
    await new Promise(r => setTimeout(r, 20));
  }
}
