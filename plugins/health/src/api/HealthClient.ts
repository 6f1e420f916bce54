import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  HealthApiClient,
  type EntityAlerts,
  type EntityDashboards,
  type EntityHealth,
  type EntitySignals,
  type EntitySlos,
  type ListSummaries200Response,
  type TypedResponse,
} from '@finops/plugin-health-common';
import type { HealthApi, SignalRange, SummaryScope } from './HealthApi';

/**
 * The health API over HTTP: the generated OpenAPI client, with refusals
 * turned into `ResponseError`s, which carry the server's message.
 */
export class HealthClient implements HealthApi {
  readonly #client: HealthApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#client = new HealthApiClient(options);
  }

  async getSignals(
    entityRef: string,
    range: SignalRange,
  ): Promise<EntitySignals> {
    return this.#json(this.#client.getSignals({ query: { entityRef, range } }));
  }

  async getSlos(entityRef: string): Promise<EntitySlos> {
    return this.#json(this.#client.getSlos({ query: { entityRef } }));
  }

  async getAlerts(entityRef: string): Promise<EntityAlerts> {
    return this.#json(this.#client.getAlerts({ query: { entityRef } }));
  }

  async getDashboards(entityRef: string): Promise<EntityDashboards> {
    return this.#json(this.#client.getDashboards({ query: { entityRef } }));
  }

  async getSummary(entityRef: string): Promise<EntityHealth> {
    return this.#json(this.#client.getSummary({ query: { entityRef } }));
  }

  async listSummaries(scope: SummaryScope): Promise<ListSummaries200Response> {
    return this.#json(this.#client.listSummaries({ query: scope }));
  }

  async #json<T>(request: Promise<TypedResponse<T>>): Promise<T> {
    const response = await request;
    if (!response.ok) {
      throw await ResponseError.fromResponse(response as Response);
    }
    return response.json();
  }
}
