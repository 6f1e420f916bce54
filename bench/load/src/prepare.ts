/*
 * Data in place before the load: a year of pipeline history in the
 * pipelines plugin's tables (bench/pipelines' seeding: runs, deployments
 * to three environments, the commits behind them), and the catalog's first
 * pass over the generated file done, every component evaluated by the
 * policy (its violations recorded) and its error budget readable from
 * Prometheus (the deploy gate needs both).
 */
import { Knex } from 'knex';
import { DAY_MS, HISTORY_DAYS, seedHistory } from '../../pipelines/src/dora';

/** Runs and deployments per component over the year. */
const RUNS_PER_ENTITY = 200;
const DEPLOYMENTS_PER_ENTITY = 30;
const READY_TIMEOUT_MS = 300_000;

export async function seedPipelines(db: Knex, entities: number) {
  const to = Math.floor((Date.now() - 60_000) / 1000) * 1000;
  const result = await seedHistory(db, {
    entities,
    runs: entities * RUNS_PER_ENTITY,
    deployments: entities * DEPLOYMENTS_PER_ENTITY,
    window: { from: to - HISTORY_DAYS * DAY_MS, to },
  });
  await db.raw('vacuum (analyze) pipeline_runs, pipeline_deployments');
  return result;
}

/**
 * For each of `entityRefs`, the newest version deployed successfully
 * somewhere: a production deploy of it has a commit and its authors.
 */
export async function deployableVersions(
  db: Knex,
  entityRefs: string[],
): Promise<Array<{ entityRef: string; version: string }>> {
  const rows = (await db('pipeline_deployments')
    .distinctOn('entity_ref')
    .select('entity_ref', 'version')
    .whereIn('entity_ref', entityRefs)
    .andWhere('status', 'success')
    .orderBy([
      'entity_ref',
      { column: 'created_at', order: 'desc' },
    ])) as Array<{ entity_ref: string; version: string }>;
  return rows.map(r => ({ entityRef: r.entity_ref, version: r.version }));
}

/** Polls `probe` until it returns undefined (ready) or the time is up. */
export async function waitUntil(
  what: string,
  probe: () => Promise<string | undefined>,
  log: (message: string) => void,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last: string | undefined;
  for (;;) {
    const waiting = await probe().catch(error => String(error));
    if (waiting === undefined) return;
    if (waiting !== last) log(`waiting for ${what}: ${waiting}`);
    last = waiting;
    if (Date.now() > deadline) {
      throw new Error(
        `${what} not ready after ${READY_TIMEOUT_MS} ms: ${last}`,
      );
    }
    await new Promise(r => setTimeout(r, 2000));
  }
}

export function readinessProbes(options: {
  backendUrl: string;
  token: string;
  names: string[];
}) {
  const headers = { authorization: `Bearer ${options.token}` };
  const get = async (path: string) => {
    const res = await fetch(`${options.backendUrl}${path}`, { headers });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  };
  return {
    /** Every component in the catalog. */
    async catalog() {
      const entities = (await get(
        '/api/catalog/entities?filter=kind=component&fields=metadata.name',
      )) as unknown[];
      return entities.length >= options.names.length
        ? undefined
        : `${entities.length} of ${options.names.length} components`;
    },
    /** Every component evaluated by finops.catalog. */
    async compliance() {
      const statuses = await Promise.all(
        options.names.map(
          async name =>
            (
              await get(
                `/api/policy/entities/component/default/${name}/compliance`,
              )
            ).status as string,
        ),
      );
      const waiting = statuses.filter(s => s !== 'pass' && s !== 'fail');
      return waiting.length === 0
        ? undefined
        : `${waiting.length} components not evaluated yet`;
    },
    /** An error budget known for the first component (Prometheus has data). */
    async health() {
      const ref = encodeURIComponent(`component:default/${options.names[0]}`);
      const summary = await get(`/api/health/summary?entityRef=${ref}`);
      return summary.errorBudgetRemaining > 0
        ? undefined
        : `error budget ${
            summary.errorBudgetRemaining
          }: ${summary.reasons?.join('; ')}`;
    },
  };
}
