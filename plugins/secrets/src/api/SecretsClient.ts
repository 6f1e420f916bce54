import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  SecretsApiClient,
  type EntitySecrets,
  type ProvisionInput,
  type RotateInput,
  type SecretOutcome,
  type SecretRequest,
  type TypedResponse,
} from '@finops/plugin-secrets-common';
import type { SecretsApi } from './SecretsApi';

/**
 * The secrets API over HTTP: the generated OpenAPI client, with refusals
 * turned into `ResponseError`s, which carry the server's message.
 */
export class SecretsClient implements SecretsApi {
  readonly #client: SecretsApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#client = new SecretsApiClient(options);
  }

  async getEntitySecrets(entityRef: string): Promise<EntitySecrets> {
    return this.#json(this.#client.getEntitySecrets({ query: { entityRef } }));
  }

  async provision(input: ProvisionInput): Promise<SecretOutcome> {
    return this.#json(this.#client.provision({ body: input }));
  }

  async rotate(input: RotateInput): Promise<SecretOutcome> {
    return this.#json(this.#client.rotate({ body: input }));
  }

  async listRequests(entityRef: string): Promise<SecretRequest[]> {
    const list = await this.#json(
      this.#client.listSecretRequests({ query: { entityRef } }),
    );
    return list.items;
  }

  async approveRequest(
    requestId: string,
    comment?: string,
  ): Promise<SecretRequest> {
    return this.#json(
      this.#client.approveSecretRequest({
        path: { requestId },
        body: { comment },
      }),
    );
  }

  async rejectRequest(
    requestId: string,
    comment?: string,
  ): Promise<SecretRequest> {
    return this.#json(
      this.#client.rejectSecretRequest({
        path: { requestId },
        body: { comment },
      }),
    );
  }

  async #json<T>(request: Promise<TypedResponse<T>>): Promise<T> {
    const response = await request;
    if (!response.ok) {
      throw await ResponseError.fromResponse(response as Response);
    }
    return response.json();
  }
}
