import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  PolicyApiClient,
  type DecisionLogPage,
  type EntityCompliance,
  type ExceptionStatus,
  type NewPolicyException,
  type PolicyException,
  type PolicyVersion,
  type Posture,
  type TypedResponse,
} from '@finops/plugin-policy-common';
import type { DecisionLogQuery, PolicyApi } from './PolicyApi';

/**
 * The policy API over HTTP: the generated OpenAPI client, with refusals
 * turned into `ResponseError`s, which carry the server's message.
 */
export class PolicyClient implements PolicyApi {
  readonly #client: PolicyApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#client = new PolicyApiClient(options);
  }

  async getEntityCompliance(
    entity: CompoundEntityRef,
  ): Promise<EntityCompliance> {
    return this.#json(
      this.#client.getEntityCompliance({
        path: {
          kind: entity.kind.toLocaleLowerCase('en-US'),
          namespace: entity.namespace,
          name: entity.name,
        },
      }),
    );
  }

  async listExceptions(
    query: { status?: ExceptionStatus; entityRef?: string } = {},
  ): Promise<PolicyException[]> {
    const list = await this.#json(this.#client.listExceptions({ query }));
    return list.items;
  }

  async requestException(
    request: NewPolicyException,
  ): Promise<PolicyException> {
    return this.#json(this.#client.requestException({ body: request }));
  }

  async approveException(
    id: string,
    comment?: string,
  ): Promise<PolicyException> {
    return this.#json(
      this.#client.approveException({ path: { id }, body: { comment } }),
    );
  }

  async rejectException(
    id: string,
    comment?: string,
  ): Promise<PolicyException> {
    return this.#json(
      this.#client.rejectException({ path: { id }, body: { comment } }),
    );
  }

  async getPosture(options: { days?: number } = {}): Promise<Posture> {
    return this.#json(this.#client.getPosture({ query: options }));
  }

  async listDecisions(query: DecisionLogQuery = {}): Promise<DecisionLogPage> {
    return this.#json(this.#client.listDecisions({ query }));
  }

  async getCurrentRules(): Promise<PolicyVersion> {
    return this.#json(this.#client.listRules({}));
  }

  async listVersions(): Promise<PolicyVersion[]> {
    const list = await this.#json(this.#client.listVersions({}));
    return list.items;
  }

  async #json<T>(request: Promise<TypedResponse<T>>): Promise<T> {
    const response = await request;
    if (!response.ok) {
      throw await ResponseError.fromResponse(response as Response);
    }
    return response.json();
  }
}
