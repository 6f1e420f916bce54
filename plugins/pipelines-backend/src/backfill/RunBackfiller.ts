import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { ZodError } from 'zod';
import { JobRecord, RunRecord } from '../database/records';
import { RunStore } from '../database/RunStore';
import {
  GithubApiError,
  GithubArtifact,
  GithubClient,
  GithubRateLimitError,
} from '../github/GithubClient';
import { parseGithubDelivery } from '../ingestion/githubDeliveries';
import {
  AnnotatedRepository,
  annotatedRepositories,
} from './annotatedRepositories';
import { PipelineSignals } from '../PipelineSignals';

const HOUR_MS = 3_600_000;

/** What one sweep did, for the log and for tests. */
export interface BackfillSummary {
  /** Repositories whose recent runs were all read. */
  repositories: number;
  /** Repositories GitHub refused or failed to answer for (logged). */
  skippedRepositories: number;
  /** Runs read from GitHub and offered to the store. */
  runs: number;
  /** Jobs and artifacts read for completed runs. */
  jobs: number;
  artifacts: number;
  /** The sweep stopped early to keep within GitHub's rate limit. */
  stoppedForRateLimit: boolean;
  /** When GitHub's budget resets, if the sweep stopped for it. */
  resumeAt: number | null;
}

/** The remaining budget fell under the reserve: stop before GitHub refuses. */
class BudgetReserveReached extends Error {
  constructor(readonly resetAt: number) {
    super('GitHub API budget under the reserve');
  }
}

/**
 * Repairs missed webhook deliveries from GitHub's REST API: for every
 * repository a catalog entity claims, reads the runs created within the
 * lookback window and stores them through the same mapping and the same
 * ordered upserts as the deliveries, so a stale answer never moves a run
 * back. Webhooks never carry artifacts, so the jobs and artifacts of each
 * completed run are read once per state of the run (a rerun reads them
 * again). A sweep keeps a reserve of the rate-limit budget for the rest of
 * the backend and stops, keeping what it stored, when GitHub's budget runs
 * low or GitHub refuses for a rate limit; the next one starts with the
 * repository it stopped at. A repository GitHub refuses (gone, no access)
 * is logged and skipped.
 */
export class RunBackfiller {
  readonly #db: Knex;
  readonly #runs: RunStore;
  readonly #github: GithubClient;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #lookbackMs: number;
  readonly #rateLimitReserve: number;
  readonly #now: () => number;
  readonly #signals: PipelineSignals | undefined;
  /** Where the last sweep stopped for the rate limit, on this replica. */
  #resumeFrom: string | undefined;

  static create(options: {
    db: Knex;
    runs: RunStore;
    github: GithubClient;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    lookbackHours: number;
    rateLimitReserve: number;
    /** Open entity pages hear of what a sweep stored. */
    signals?: PipelineSignals;
    /** The clock; tests move it past a rate-limit reset. */
    now?: () => number;
  }): RunBackfiller {
    return new RunBackfiller(options);
  }

  private constructor(options: Parameters<typeof RunBackfiller.create>[0]) {
    this.#db = options.db;
    this.#runs = options.runs;
    this.#github = options.github;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#lookbackMs = options.lookbackHours * HOUR_MS;
    this.#rateLimitReserve = options.rateLimitReserve;
    this.#now = options.now ?? Date.now;
    this.#signals = options.signals;
  }

  /** Whether the GitHub integration has credentials to backfill with. */
  get githubConfigured(): boolean {
    return this.#github.configured;
  }

  async sweep(
    options: { signal?: AbortSignal } = {},
  ): Promise<BackfillSummary> {
    const { signal } = options;
    const summary: BackfillSummary = {
      repositories: 0,
      skippedRepositories: 0,
      runs: 0,
      jobs: 0,
      artifacts: 0,
      stoppedForRateLimit: false,
      resumeAt: null,
    };
    if (!this.#github.configured) {
      throw new ServiceUnavailableError(
        'GitHub is not configured: the backfill needs integrations.github with a token or a GitHub App',
      );
    }
    const targets = startingAt(
      await annotatedRepositories({ catalog: this.#catalog, auth: this.#auth }),
      this.#resumeFrom,
    );
    this.#resumeFrom = undefined;
    for (const target of targets) {
      const log = {
        repository: target.repository,
        entityRef: target.entityRef,
      };
      try {
        signal?.throwIfAborted();
        this.#checkBudget();
        await this.#sweepRepository(target, summary, signal);
        summary.repositories += 1;
      } catch (error) {
        if (
          error instanceof GithubRateLimitError ||
          error instanceof BudgetReserveReached
        ) {
          summary.stoppedForRateLimit = true;
          summary.resumeAt = error.resetAt;
          this.#resumeFrom = target.repository;
          this.#logger.warn(
            'Stopped the GitHub backfill for the rate limit; it resumes with the next run after the reset',
            { ...log, resumeAt: new Date(error.resetAt).toISOString() },
          );
          break;
        }
        if (signal?.aborted) {
          this.#logger.warn('Stopped the GitHub backfill: out of time', log);
          break;
        }
        if (!isRepositoryFailure(error)) {
          throw error;
        }
        summary.skippedRepositories += 1;
        this.#logger.warn('Skipped a repository in the GitHub backfill', {
          ...log,
          status: (error as Partial<GithubApiError>).status,
          reason: (error as Error).message,
        });
      }
    }
    this.#logger.info('Backfilled GitHub Actions runs', {
      ...summary,
      resumeAt: summary.resumeAt && new Date(summary.resumeAt).toISOString(),
    });
    return summary;
  }

  async #sweepRepository(
    target: AnnotatedRepository,
    summary: BackfillSummary,
    signal?: AbortSignal,
  ): Promise<void> {
    const listed = await this.#github.listWorkflowRuns(target.repository, {
      createdSince: this.#now() - this.#lookbackMs,
      signal,
    });
    const runs = listed.flatMap(payload => {
      const content = this.#parse(target, 'workflow_run', {
        repository: payload.repository ?? { full_name: target.repository },
        workflow_run: payload,
      });
      return content?.type === 'run'
        ? [{ ...content.run, entityRef: target.entityRef }]
        : [];
    });
    await this.#db.transaction(async tx => {
      for (const run of runs) {
        await this.#runs.upsertRun(tx, run);
      }
    });
    summary.runs += runs.length;
    if (runs.length > 0) {
      this.#signals?.changed(target.entityRef, 'runs');
    }

    // Only where the store now holds what GitHub just said: a run the
    // store has further along is read on a later sweep, once GitHub agrees.
    const stored = await this.#runs.backfillStates(runs.map(run => run.id));
    for (const run of runs) {
      const state = stored.get(run.id);
      if (
        run.status === 'completed' &&
        state?.status === 'completed' &&
        state.runAttempt === run.runAttempt &&
        state.updatedAt === run.updatedAt &&
        state.backfilledUpdatedAt !== run.updatedAt
      ) {
        signal?.throwIfAborted();
        this.#checkBudget();
        await this.#readJobsAndArtifacts(target, run, summary, signal);
      }
    }
  }

  async #readJobsAndArtifacts(
    target: AnnotatedRepository,
    run: RunRecord,
    summary: BackfillSummary,
    signal?: AbortSignal,
  ): Promise<void> {
    const repository = { full_name: run.repository };
    let jobs: JobRecord[];
    let artifacts: GithubArtifact[];
    try {
      jobs = (
        await this.#github.listJobs(target.repository, run.id, { signal })
      ).flatMap(payload => {
        const content = this.#parse(target, 'workflow_job', {
          repository,
          workflow_job: payload,
        });
        return content?.type === 'job'
          ? [{ ...content.job, entityRef: target.entityRef }]
          : [];
      });
      artifacts = newestByName(
        await this.#github.listArtifacts(target.repository, run.id, {
          signal,
        }),
      );
    } catch (error) {
      // The run was deleted since it was listed: nothing more to read.
      if (error instanceof GithubApiError && error.status === 404) {
        this.#logger.debug('A backfilled run is gone from GitHub', {
          repository: target.repository,
          runId: run.id,
        });
        return;
      }
      throw error;
    }
    await this.#db.transaction(async tx => {
      for (const job of jobs) {
        await this.#runs.upsertJob(tx, job);
      }
    });
    await this.#runs.replaceArtifacts(
      run.id,
      artifacts.map(a => ({
        name: a.name,
        sizeBytes: a.sizeBytes,
        digest: a.digest,
        url: a.url,
        expired: a.expired,
        createdAt: a.createdAt ?? run.updatedAt,
      })),
    );
    // Last, so that a sweep stopped half-way reads the run again.
    await this.#runs.markBackfilled(run.id, run.updatedAt);
    summary.jobs += jobs.length;
    summary.artifacts += artifacts.length;
  }

  /** The ingestion's mapping: a REST run or job is the delivery's object. */
  #parse(
    target: AnnotatedRepository,
    event: 'workflow_run' | 'workflow_job',
    payload: Record<string, unknown>,
  ) {
    try {
      return parseGithubDelivery(event, payload);
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      this.#logger.warn('Dropped a malformed object from the GitHub API', {
        repository: target.repository,
        event,
        issues: error.issues
          .map(issue => `${issue.path.join('.')}: ${issue.code}`)
          .join('; '),
      });
      return undefined;
    }
  }

  #checkBudget(): void {
    const budget = this.#github.rateLimit;
    if (
      budget &&
      budget.remaining <= this.#rateLimitReserve &&
      budget.resetAt > this.#now()
    ) {
      throw new BudgetReserveReached(budget.resetAt);
    }
  }
}

/**
 * What is wrong with one repository only: GitHub refused it (not found,
 * no access, no app installation) or failed to answer for it.
 */
function isRepositoryFailure(error: unknown): boolean {
  return (
    error instanceof GithubApiError ||
    error instanceof ZodError ||
    NotAllowedError.is(error) ||
    ServiceUnavailableError.is(error)
  );
}

/** The repositories in order, from the one a stopped sweep did not finish. */
function startingAt(
  targets: AnnotatedRepository[],
  repository: string | undefined,
): AnnotatedRepository[] {
  const index = targets.findIndex(t => t.repository === repository);
  return index <= 0
    ? targets
    : [...targets.slice(index), ...targets.slice(0, index)];
}

/** Artifact names are unique in a run; were two listed, the newer counts. */
function newestByName(artifacts: GithubArtifact[]): GithubArtifact[] {
  const byName = new Map<string, GithubArtifact>();
  for (const artifact of artifacts) {
    const seen = byName.get(artifact.name);
    if (!seen || artifact.id > seen.id) {
      byName.set(artifact.name, artifact);
    }
  }
  return [...byName.values()];
}
