import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  PipelinesApiClient,
  type DeployCheck,
  type DeployRequest,
  type DeployRequestInput,
  type DoraMetrics,
  type EnvironmentState,
  type GetDoraMetrics,
  type TypedResponse,
  type WorkflowRunDetail,
  type WorkflowRunPage,
} from '@finops/plugin-pipelines-common';
import type {
  DeployRequestQuery,
  DoraQuery,
  PipelinesApi,
  RunQuery,
} from './PipelinesApi';

/**
 * The pipelines API over HTTP: the generated OpenAPI client, with refusals
 * turned into `ResponseError`s, which carry the server's message.
 */
export class PipelinesClient implements PipelinesApi {
  readonly #client: PipelinesApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#client = new PipelinesApiClient(options);
  }

  async listRuns(query: RunQuery): Promise<WorkflowRunPage> {
    return this.#json(this.#client.listRuns({ query }));
  }

  async getRun(runId: string): Promise<WorkflowRunDetail> {
    return this.#json(this.#client.getRun({ path: { runId } }));
  }

  async listEnvironments(
    entityRef: string,
    options: { historyLimit?: number } = {},
  ): Promise<EnvironmentState[]> {
    const list = await this.#json(
      this.#client.listEnvironments({ query: { entityRef, ...options } }),
    );
    return list.items;
  }

  async getDoraMetrics(query: DoraQuery): Promise<DoraMetrics> {
    const { from, to, ...scope } = query;
    const wireQuery: GetDoraMetrics['query'] = {
      ...scope,
      since: from,
      until: to,
    };
    return this.#json(this.#client.getDoraMetrics({ query: wireQuery }));
  }

  async checkDeploy(input: DeployRequestInput): Promise<DeployCheck> {
    return this.#json(this.#client.checkDeploy({ body: input }));
  }

  async requestDeploy(input: DeployRequestInput): Promise<DeployRequest> {
    return this.#json(this.#client.requestDeploy({ body: input }));
  }

  async listDeployRequests(
    query: DeployRequestQuery,
  ): Promise<DeployRequest[]> {
    const list = await this.#json(this.#client.listDeployRequests({ query }));
    return list.items;
  }

  async approveDeployRequest(
    requestId: string,
    comment?: string,
  ): Promise<DeployRequest> {
    return this.#json(
      this.#client.approveDeployRequest({
        path: { requestId },
        body: { comment },
      }),
    );
  }

  async rejectDeployRequest(
    requestId: string,
    comment?: string,
  ): Promise<DeployRequest> {
    return this.#json(
      this.#client.rejectDeployRequest({
        path: { requestId },
        body: { comment },
      }),
    );
  }

  async rerunRun(runId: string): Promise<DeployCheck> {
    return this.#json(this.#client.rerunRun({ path: { runId } }));
  }

  async #json<T>(request: Promise<TypedResponse<T>>): Promise<T> {
    const response = await request;
    if (!response.ok) {
      throw await ResponseError.fromResponse(response as Response);
    }
    return response.json();
  }
}
