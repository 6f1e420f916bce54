import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  DeployCheck,
  DeployRequest,
  DeployRequestInput,
  DeployRequestStatus,
  DoraMetrics,
  EnvironmentState,
  RunStatus,
  WorkflowRunDetail,
  WorkflowRunPage,
} from '@finops/plugin-pipelines-common';

/** Filters of an entity's runs; every field narrows the result. */
export interface RunQuery {
  entityRef: string;
  branch?: string;
  status?: RunStatus;
  conclusion?: string;
  actor?: string;
  workflow?: string;
  /** The `nextCursor` of the previous page. */
  before?: string;
  limit?: number;
}

/** Whose delivery to measure: exactly one of an entity, a system or an owner. */
export type DoraScope =
  | { entityRef: string }
  | { system: string }
  | { owner: string };

/** A DORA question: a scope and a time range (ISO 8601 times). */
export type DoraQuery = DoraScope & { from?: string; to?: string };

/** Which deploy requests to list, newest first. */
export interface DeployRequestQuery {
  entityRef?: string;
  status?: DeployRequestStatus;
  limit?: number;
}

/**
 * What the pipelines UI needs from the pipelines backend. Every method
 * throws a `ResponseError` carrying the server's message when the backend
 * refuses.
 */
export interface PipelinesApi {
  /** One page of the entity's workflow runs, newest first. */
  listRuns(query: RunQuery): Promise<WorkflowRunPage>;
  /** One run with its jobs, their steps, and its artifacts. */
  getRun(runId: string): Promise<WorkflowRunDetail>;
  /** The entity's environments, each with its history newest first. */
  listEnvironments(
    entityRef: string,
    options?: { historyLimit?: number },
  ): Promise<EnvironmentState[]>;
  getDoraMetrics(query: DoraQuery): Promise<DoraMetrics>;
  /** What the deploy policy says about a deploy by the caller, before it runs. */
  checkDeploy(input: DeployRequestInput): Promise<DeployCheck>;
  /** Asks for a deploy: dispatched at once, or pending someone's approval. */
  requestDeploy(input: DeployRequestInput): Promise<DeployRequest>;
  listDeployRequests(query: DeployRequestQuery): Promise<DeployRequest[]>;
  /** Approves a pending request as the caller, which dispatches it. */
  approveDeployRequest(
    requestId: string,
    comment?: string,
  ): Promise<DeployRequest>;
  rejectDeployRequest(
    requestId: string,
    comment?: string,
  ): Promise<DeployRequest>;
  /** Re-runs the failed jobs of a failed run on GitHub. */
  rerunRun(runId: string): Promise<DeployCheck>;
}

export const pipelinesApiRef = createApiRef<PipelinesApi>().with({
  id: 'plugin.pipelines.api',
  pluginId: 'pipelines',
});
