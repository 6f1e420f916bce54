import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  PipelinesApiClient,
  type DoraMetrics,
  type EnvironmentState,
  type GetDoraMetrics,
  type TypedResponse,
  type WorkflowRunDetail,
  type WorkflowRunPage,
} from '@finops/plugin-pipelines-common';
import type { DoraQuery, PipelinesApi, RunQuery } from './PipelinesApi';

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

  async #json<T>(request: Promise<TypedResponse<T>>): Promise<T> {
    const response = await request;
    if (!response.ok) {
      throw await ResponseError.fromResponse(response as Response);
    }
    return response.json();
  }
}
