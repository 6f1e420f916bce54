import { DoraMetrics } from '@finops/plugin-pipelines-common';
import { Knex } from 'knex';
import { millis } from './records';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05, the first Monday after the epoch: weeks start on Mondays. */
const FIRST_MONDAY_MS = 4 * DAY_MS;
/**
 * The week a time falls in, as an integer, in SQL. The constants are
 * inlined, not bound: PostgreSQL would see two bound copies in SELECT and
 * GROUP BY as different expressions. Both databases divide integers
 * without a remainder, and every time here is after the first Monday.
 */
const WEEK_OF_STATUS_TIME = `(status_updated_at - ${FIRST_MONDAY_MS}) / ${WEEK_MS}`;

/** Deployments that reached production, whatever happened after. */
const DEPLOYED = ['success', 'rolled_back'];
/** Deployments that failed, or that had to be rolled back. */
const FAILED = ['failure', 'error', 'rolled_back'];

export interface DoraRequest {
  scope: DoraMetrics['scope'];
  entityRefs: string[];
  from: number;
  to: number;
}

/**
 * DORA metrics of production deployments, computed from
 * `pipeline_deployments` and `pipeline_changes`. Every time is a
 * deployment's status time (when it succeeded, failed or was rolled back).
 *
 * - deployment frequency: deployments that reached production in the range
 *   (succeeded, or succeeded and were later rolled back), per day;
 * - lead time for changes: per change (a pushed commit, a merged pull
 *   request), from its commit or merge time to the first production
 *   deployment of the commit that carried it, for changes deployed in the
 *   range; the median in hours;
 * - change failure rate: failed, errored or rolled-back production
 *   deployments over all that finished;
 * - time to restore: from a failed production deployment to the next
 *   successful one of the same entity; consecutive failures are one outage
 *   that starts at the first; the median in hours.
 *
 * Filtering, joining and grouping happen in SQL; only the medians are
 * taken here, over the durations the database returns.
 */
export class DoraQuery {
  readonly #db: Knex;
  readonly #productionEnvironments: string[];

  static create(options: {
    db: Knex;
    productionEnvironments: string[];
  }): DoraQuery {
    return new DoraQuery(options.db, options.productionEnvironments);
  }

  private constructor(db: Knex, productionEnvironments: string[]) {
    this.#db = db;
    this.#productionEnvironments = productionEnvironments.map(e =>
      e.toLowerCase(),
    );
  }

  async compute(request: DoraRequest): Promise<DoraMetrics> {
    const { from, to, entityRefs } = request;
    const [weekly, leadTimes, restoreTimes] =
      entityRefs.length === 0
        ? [[], [], []]
        : await Promise.all([
            this.#weekly(entityRefs, from, to),
            this.#leadTimes(entityRefs, from, to),
            this.#restoreTimes(entityRefs, from, to),
          ]);
    // The range's totals are its weeks' sums; a rolled-back deployment
    // both reached production and failed, and finished once.
    const totals = { deployed: 0, failed: 0, finished: 0 };
    for (const week of weekly) {
      totals.deployed += week.deployments;
      totals.failed += week.failures;
      totals.finished += week.deployments + week.failures - week.rolledBack;
    }
    return {
      scope: request.scope,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      deploymentFrequency: {
        deployments: totals.deployed,
        perDay: round(totals.deployed / ((to - from) / DAY_MS), 3),
      },
      leadTimeForChanges: {
        samples: leadTimes.length,
        medianHours: medianHours(leadTimes),
      },
      changeFailureRate: {
        failed: totals.failed,
        total: totals.finished,
        rate:
          totals.finished === 0
            ? null
            : round(totals.failed / totals.finished, 4),
      },
      timeToRestore: {
        samples: restoreTimes.length,
        medianHours: medianHours(restoreTimes),
      },
      weekly: fillWeeks(weekly, from, to),
    };
  }

  /** Environment names are compared without case. */
  #isProduction(column: string): [string, string[]] {
    const envs = this.#productionEnvironments;
    return [
      `lower(??) in (${envs.map(() => '?').join(', ')})`,
      [column, ...envs],
    ];
  }

  /** Production deployments of these entities whose status time is in range. */
  #production(alias: string, entityRefs: string[], from: number, to: number) {
    return this.#db(`pipeline_deployments as ${alias}`)
      .whereIn(`${alias}.entity_ref`, entityRefs)
      .whereRaw(...this.#isProduction(`${alias}.environment`))
      .where(`${alias}.status_updated_at`, '>=', from)
      .where(`${alias}.status_updated_at`, '<', to);
  }

  async #weekly(entityRefs: string[], from: number, to: number) {
    const rows = await this.#production('d', entityRefs, from, to)
      .select(
        this.#db.raw(`${WEEK_OF_STATUS_TIME} as week`),
        countWhere(this.#db, DEPLOYED, 'deployed'),
        countWhere(this.#db, FAILED, 'failed'),
        countWhere(this.#db, ['rolled_back'], 'rolled_back'),
      )
      .groupByRaw(WEEK_OF_STATUS_TIME);
    return rows.map(row => ({
      week: Number(row.week),
      deployments: Number(row.deployed),
      failures: Number(row.failed),
      rolledBack: Number(row.rolled_back),
    }));
  }

  /** Per change deployed in range: ms from its time to its first deployment. */
  async #leadTimes(entityRefs: string[], from: number, to: number) {
    const db = this.#db;
    // The entity filter on both sides lets the planner start from the
    // scope's deployments instead of every production deployment.
    const rows = await db('pipeline_changes as c')
      .join('pipeline_deployments as d', join =>
        join
          .on('d.entity_ref', '=', 'c.entity_ref')
          .andOn('d.sha', '=', 'c.head_sha'),
      )
      .whereIn('c.entity_ref', entityRefs)
      .whereIn('d.entity_ref', entityRefs)
      .whereIn('d.status', DEPLOYED)
      .whereRaw(...this.#isProduction('d.environment'))
      .where('d.status_updated_at', '<', to)
      .where('d.status_updated_at', '>=', db.ref('c.changed_at'))
      .groupBy('c.repository', 'c.sha', 'c.changed_at')
      .havingRaw('min(d.status_updated_at) >= ?', [from])
      .select(db.raw('min(d.status_updated_at) - c.changed_at as lead_ms'));
    return rows.map(row => millis(row.lead_ms));
  }

  /**
   * Per outage that started in range and ended: ms until it ended. Each
   * production deployment from the range on learns the next success of
   * its entity from a window over the later ones (newest first, so that
   * the frame only grows: one pass, not one lookup per failure).
   */
  async #restoreTimes(entityRefs: string[], from: number, to: number) {
    const db = this.#db;
    const outcomes = db('pipeline_deployments as d')
      .whereIn('d.entity_ref', entityRefs)
      .whereRaw(...this.#isProduction('d.environment'))
      .whereIn('d.status', ['success', ...FAILED])
      .where('d.status_updated_at', '>=', from)
      .select(
        'd.entity_ref',
        'd.status',
        'd.status_updated_at',
        db.raw(
          "min(case when d.status = 'success' then d.status_updated_at end) " +
            'over (partition by d.entity_ref ' +
            'order by d.status_updated_at desc ' +
            // Strictly later: a success in the same millisecond restores nothing.
            'range between unbounded preceding and 1 preceding) as restored_at',
        ),
      );
    const rows = await db
      .from(outcomes.as('o'))
      .whereIn('o.status', FAILED)
      .where('o.status_updated_at', '<', to)
      .whereNotNull('o.restored_at')
      .groupBy('o.entity_ref', 'o.restored_at')
      .select(db.raw('o.restored_at - min(o.status_updated_at) as restore_ms'));
    return rows.map(row => millis(row.restore_ms));
  }
}

function countWhere(db: Knex, statuses: string[], alias: string) {
  return db.raw(
    `sum(case when d.status in (${statuses
      .map(() => '?')
      .join(', ')}) then 1 else 0 end) as ??`,
    [...statuses, alias],
  );
}

function fillWeeks(
  rows: Array<{ week: number; deployments: number; failures: number }>,
  from: number,
  to: number,
): DoraMetrics['weekly'] {
  const byWeek = new Map(rows.map(row => [row.week, row]));
  const first = Math.floor((from - FIRST_MONDAY_MS) / WEEK_MS);
  const last = Math.floor((to - 1 - FIRST_MONDAY_MS) / WEEK_MS);
  const weeks: DoraMetrics['weekly'] = [];
  for (let week = first; week <= last; week++) {
    weeks.push({
      weekStart: new Date(FIRST_MONDAY_MS + week * WEEK_MS)
        .toISOString()
        .slice(0, 10),
      deployments: byWeek.get(week)?.deployments ?? 0,
      failures: byWeek.get(week)?.failures ?? 0,
    });
  }
  return weeks;
}

function medianHours(durationsMs: number[]): number | null {
  if (durationsMs.length === 0) {
    return null;
  }
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? sorted[middle]
      : (sorted[middle - 1] + sorted[middle]) / 2;
  return round(median / HOUR_MS, 2);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
