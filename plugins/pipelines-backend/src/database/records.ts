/**
 * What the stores hold, as the ingestion maps it from GitHub and Argo CD.
 * Times are epoch milliseconds, as in the tables (see the migration).
 */

/** Workflow run and job statuses, in the order GitHub moves through them. */
const RUN_STATUS_RANK: Record<string, number> = {
  requested: 0,
  pending: 1,
  queued: 1,
  waiting: 2,
  in_progress: 3,
  completed: 4,
};

/**
 * Deployment statuses in the order they may replace each other. `inactive`
 * is what GitHub sets on an older deployment once a newer one succeeds: it
 * must not erase that the deployment succeeded, so it ranks below the
 * outcomes. A rollback marks a deployment that had succeeded.
 */
const DEPLOYMENT_STATUS_RANK: Record<string, number> = {
  pending: 0,
  queued: 1,
  in_progress: 2,
  inactive: 3,
  success: 4,
  failure: 4,
  error: 4,
  rolled_back: 5,
};

export function runStatusRank(status: string): number {
  return RUN_STATUS_RANK[status] ?? 0;
}

export function deploymentStatusRank(status: string): number {
  return DEPLOYMENT_STATUS_RANK[status] ?? 0;
}

export interface RunRecord {
  id: string;
  entityRef: string;
  repository: string;
  workflowName: string;
  runNumber: number;
  runAttempt: number;
  event: string;
  headBranch: string | null;
  headSha: string;
  actor: string;
  status: string;
  conclusion: string | null;
  createdAt: number;
  runStartedAt: number | null;
  completedAt: number | null;
  htmlUrl: string;
  updatedAt: number;
}

export interface JobStepRecord {
  number: number;
  name: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface JobRecord {
  id: string;
  runId: string;
  runAttempt: number;
  entityRef: string;
  name: string;
  status: string;
  conclusion: string | null;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  runnerName: string | null;
  htmlUrl: string | null;
  steps: JobStepRecord[];
}

export interface DeploymentRecord {
  id: string;
  entityRef: string;
  environment: string;
  version: string;
  sha: string;
  status: string;
  triggeredBy: string;
  approvedBy: string | null;
  rollback: boolean;
  createdAt: number;
  updatedAt: number;
  statusUpdatedAt: number;
  url: string | null;
  source: 'github' | 'argocd';
}

export interface ChangeRecord {
  repository: string;
  sha: string;
  entityRef: string;
  headSha: string;
  changedAt: number;
  /** GitHub login of whoever wrote it; null when GitHub could not tell. */
  author: string | null;
}

/** A time from the database: a number on SQLite, a string on PostgreSQL. */
export function millis(value: unknown): number {
  return Number(value);
}

export function optionalMillis(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function isoTime(value: unknown): string {
  return new Date(Number(value)).toISOString();
}

export function optionalIsoTime(value: unknown): string | null {
  return value === null || value === undefined ? null : isoTime(value);
}
