/*
 * The DORA query over a year of history: `runs` workflow runs and
 * `deployments` deployments (development, staging, production, in that
 * order per release) spread evenly over the year before the benchmark
 * across every entity, with the one to three changes (commits) each
 * release carries, for lead time. Production deployments fail, error or
 * are rolled back now and then, for the change failure rate and time to
 * restore. Written by the database itself (INSERT ... SELECT over
 * generate_series, deterministic: hashes, not random()), then vacuumed and
 * analyzed as autovacuum would leave them.
 *
 * Measured: the real route, GET /api/pipelines/dora, for one entity, its
 * system and its owner over the whole year, one query at a time; every
 * answer must count the production deployments the database holds. The
 * anchor is that count itself, one indexed SELECT count(*) over the same
 * deployments in the same database.
 */
import { Knex } from 'knex';
import { DoraQuery } from '../../../plugins/pipelines-backend/src/database/DoraQuery';
import { percentile } from '../../policy/src/report';
import { doraScopes } from './entities';
import { SeededCounts } from './verify';

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** The DORA range: a year, the longest the route allows is 366 days. */
export const HISTORY_DAYS = 365;
const ENVIRONMENTS = ['development', 'staging', 'production'];
/** At most this long per scope and path, however many queries were asked. */
const SCOPE_BUDGET_MS = 30_000;

/** Seeded ids stay below the deliveries' (7e12 and up). */
const RUN_ID_BASE = 1_000_000_000;
const DEPLOYMENT_ID_BASE = 2_000_000_000;

export interface HistoryWindow {
  from: number;
  to: number;
}

export interface SeedResult {
  seeded: SeededCounts;
  seconds: number;
}

export async function seedHistory(
  db: Knex,
  options: {
    entities: number;
    runs: number;
    deployments: number;
    window: HistoryWindow;
  },
): Promise<SeedResult> {
  const started = performance.now();
  const E = integer(options.entities);
  const runs = integer(options.runs);
  const deployments = integer(options.deployments);
  const { from, to } = options.window;
  const span = to - from;
  // Releases per entity: each goes to the three environments.
  const releases = Math.max(
    1,
    Math.ceil(Math.ceil(deployments / E) / ENVIRONMENTS.length),
  );
  const slot = Math.floor(span / releases);
  const name = (e: string) => `'svc-' || lpad((${e})::text, 3, '0')`;
  const entityRef = (e: string) => `'component:default/' || ${name(e)}`;
  const repository = (e: string) => `'bench-org/' || ${name(e)}`;
  // When release r of entity e reached development: within its slot.
  const releaseTime = (e: string, r: string) =>
    `(${from}::bigint + ((${r}) * ${slot}::bigint) + ` +
    `(${slot}::bigint * (50 + abs(hashtext('rel-' || ${e} || '-' || ${r})) % 800) / 1000))`;
  const releaseSha = (e: string, r: string) =>
    `md5('rel-' || ${e} || '-' || ${r})`;

  const runRows = await db.raw(`
    insert into pipeline_runs (id, entity_ref, repository, workflow_name,
      run_number, run_attempt, event, head_branch, head_sha, actor, status,
      status_rank, conclusion, created_at, run_started_at, completed_at,
      html_url, updated_at)
    select (${RUN_ID_BASE} + g)::text, ${entityRef('e')}, ${repository('e')},
      (array['CI', 'Build and test', 'Release', 'Nightly'])[1 + h % 4],
      1 + g / ${E}, 1,
      (array['push', 'pull_request', 'schedule', 'workflow_dispatch'])[1 + (h / 4) % 4],
      'main', md5('run-' || g), 'dev-' || (h / 16) % 60, 'completed', 4,
      case when h % 100 < 88 then 'success'
           when h % 100 < 97 then 'failure' else 'cancelled' end,
      t, t + 5000, t + 60000 + (h % 1200) * 1000,
      'https://github.com/' || ${repository(
        'e',
      )} || '/actions/runs/' || (${RUN_ID_BASE} + g),
      t + 60000 + (h % 1200) * 1000
    from (
      select g, g % ${E} as e, abs(hashtext('run-' || g)) as h,
             ${from}::bigint + (g::bigint * ${span}::bigint / ${runs}) as t
      from generate_series(0, ${runs - 1}) as g
    ) s`);

  const deploymentRows = await db.raw(`
    insert into pipeline_deployments (id, entity_ref, environment, version,
      sha, status, status_rank, triggered_by, approved_by, rollback,
      created_at, updated_at, status_updated_at, url, source)
    select (${DEPLOYMENT_ID_BASE} + g)::text, ${entityRef('e')}, env,
      'v1.' || r || '.0', ${releaseSha('e', 'r')}, status,
      case status when 'rolled_back' then 5 else 4 end,
      'dev-' || h % 60, null, false, t, t + 300000, t + 300000, null, 'github'
    from (
      select g, e, r, env, h,
        ${releaseTime('e', 'r')} + env_index * ${2 * HOUR_MS} as t,
        case when env = 'production' then
          case when h % 100 < 82 then 'success' when h % 100 < 90 then 'failure'
               when h % 100 < 93 then 'error' when h % 100 < 96 then 'rolled_back'
               else 'success' end
        else case when h % 100 < 92 then 'success' else 'failure' end
        end as status
      from (
        select g, g % ${E} as e, (g / ${E}) / 3 as r, (g / ${E}) % 3 as env_index,
          (array['${ENVIRONMENTS.join("', '")}'])[1 + (g / ${E}) % 3] as env,
          abs(hashtext('dep-' || g)) as h
        from generate_series(0, ${deployments - 1}) as g
      ) a
    ) s`);

  const changeRows = await db.raw(`
    insert into pipeline_changes (repository, sha, entity_ref, head_sha,
      changed_at, author)
    select ${repository('e')}, md5('chg-' || e || '-' || r || '-' || j),
      ${entityRef('e')}, ${releaseSha('e', 'r')},
      ${releaseTime('e', 'r')}
        - (1 + abs(hashtext('chg-' || e || '-' || r || '-' || j)) % 72) * ${HOUR_MS}
        - j * 600000,
      'dev-' || (e + r + j) % 60
    from generate_series(0, ${E - 1}) as e,
         generate_series(0, ${releases - 1}) as r,
         generate_series(0, 2) as j
    where j <= abs(hashtext('n-' || e || '-' || r)) % 3`);

  for (const table of [
    'pipeline_runs',
    'pipeline_deployments',
    'pipeline_changes',
  ]) {
    await db.raw('vacuum (analyze) ??', [table]);
  }
  return {
    seeded: {
      pipeline_runs: runRows.rowCount,
      pipeline_deployments: deploymentRows.rowCount,
      pipeline_changes: changeRows.rowCount,
    },
    seconds: (performance.now() - started) / 1000,
  };
}

function integer(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Not a count: ${n}`);
  return n;
}

export interface DoraRow {
  scope: string;
  entities: number;
  /** Production deployments that reached production in the range. */
  deployments: number;
  /** Queries measured: fewer than asked when they took over 30 s. */
  queries: number;
  errors: number;
  errorSamples: string[];
  p50Ms: number;
  p99Ms: number;
  anchorP50Ms: number;
  anchorP99Ms: number;
  /** p99 of the route ÷ p99 of the anchor. */
  p99Ratio: number;
}

export async function measureDora(options: {
  db: Knex;
  baseUrl: string;
  token: string;
  entities: Parameters<typeof doraScopes>[0];
  window: HistoryWindow;
  queries: number;
  warmup: number;
  log: (message: string) => void;
}): Promise<DoraRow[]> {
  const { db, window } = options;
  const since = new Date(window.from).toISOString();
  const until = new Date(window.to).toISOString();
  const rows: DoraRow[] = [];
  for (const scope of doraScopes(options.entities)) {
    // The anchor: production deployments of the scope in the range, the
    // figure the route must answer as deploymentFrequency.deployments.
    const anchor = async () => {
      const { rows: result } = await db.raw(
        `select count(*) as deployed from pipeline_deployments
          where entity_ref = any(?) and lower(environment) in ('production', 'prod')
            and status_updated_at >= ? and status_updated_at < ?
            and status in ('success', 'rolled_back')`,
        [scope.refs, window.from, window.to],
      );
      return Number(result[0].deployed);
    };
    const deployed = await anchor();
    const query = new URLSearchParams({ ...scope.param, since, until });
    const url = `${options.baseUrl}/api/pipelines/dora?${query}`;
    const route = async () => {
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${options.token}` },
      });
      const text = await res.text();
      if (res.status !== 200) {
        throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
      }
      const answered = JSON.parse(text).deploymentFrequency?.deployments;
      if (answered !== deployed) {
        throw new Error(
          `answered ${answered} deployments, expected ${deployed}`,
        );
      }
    };
    options.log(
      `DORA ${scope.name} (${scope.refs.length} entities, ${deployed} production deployments): ${options.queries} queries`,
    );
    const routeSample = await sequential(
      route,
      options.queries,
      options.warmup,
      SCOPE_BUDGET_MS,
    );
    const anchorSample = await sequential(
      anchor,
      options.queries,
      options.warmup,
      SCOPE_BUDGET_MS,
    );
    rows.push({
      scope: scope.name,
      entities: scope.refs.length,
      deployments: deployed,
      queries: routeSample.latencies.length + routeSample.errors,
      errors: routeSample.errors,
      errorSamples: routeSample.errorSamples,
      p50Ms: percentile(routeSample.latencies, 0.5),
      p99Ms: percentile(routeSample.latencies, 0.99),
      anchorP50Ms: percentile(anchorSample.latencies, 0.5),
      anchorP99Ms: percentile(anchorSample.latencies, 0.99),
      p99Ratio:
        percentile(routeSample.latencies, 0.99) /
        percentile(anchorSample.latencies, 0.99),
    });
  }
  return rows;
}

export interface DoraStatement {
  scope: string;
  statement: string;
  medianMs: number;
}

/**
 * Where a DORA query's time goes: the plugin's DoraQuery run in this
 * process on the same database, its statements captured and each run again
 * alone, one at a time (the route runs the four concurrently).
 */
export async function doraStatements(options: {
  db: Knex;
  entities: Parameters<typeof doraScopes>[0];
  window: HistoryWindow;
  runs: number;
}): Promise<DoraStatement[]> {
  const { db, window } = options;
  const dora = DoraQuery.create({
    db,
    productionEnvironments: ['production', 'prod'],
  });
  const out: DoraStatement[] = [];
  for (const scope of doraScopes(options.entities)) {
    const captured: Array<{ sql: string; bindings: readonly unknown[] }> = [];
    const listener = (q: { sql: string; bindings?: unknown[] }) =>
      captured.push({
        // Logged with PostgreSQL's $1 placeholders; knex.raw takes ?.
        sql: q.sql.replace(/\$\d+/g, '?'),
        bindings: [...(q.bindings ?? [])],
      });
    db.on('query', listener);
    try {
      await dora.compute({
        scope: scope.param as any,
        entityRefs: scope.refs,
        from: window.from,
        to: window.to,
      });
    } finally {
      db.removeListener('query', listener);
    }
    for (const { sql, bindings } of captured) {
      const times: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        const started = performance.now();
        await db.raw(sql, bindings as Knex.RawBinding[]);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      out.push({
        scope: scope.name,
        statement: statementName(sql),
        medianMs: percentile(times, 0.5),
      });
    }
  }
  return out;
}

function statementName(sql: string): string {
  if (sql.includes('restore_ms')) return 'time to restore';
  if (sql.includes('lead_ms')) return 'lead time';
  if (sql.includes(' as week')) return 'weekly';
  return 'totals';
}

/**
 * One at a time: a person opening the DORA tab. Stops after `count`
 * queries or `budgetMs`, whichever comes first, so that a slow route
 * cannot stretch the run for minutes.
 */
async function sequential(
  operation: () => Promise<unknown>,
  count: number,
  warmup: number,
  budgetMs: number,
) {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < warmup + count && performance.now() < deadline; i++) {
    const started = performance.now();
    try {
      await operation();
      if (i >= warmup) latencies.push(performance.now() - started);
    } catch (error) {
      if (i < warmup) continue;
      errors += 1;
      if (errorSamples.length < 3) errorSamples.push((error as Error).message);
    }
  }
  latencies.sort((a, b) => a - b);
  return { latencies, errors, errorSamples };
}
