import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import {
  DecisionPoint,
  EntityCompliance,
  PolicyApiClient,
  PolicyDecision,
} from '@finops/plugin-policy-common';

/**
 * Policy decisions for other backend plugins. Every decision goes through
 * the policy backend, so it is logged with the revision that made it and
 * the caller it was made for.
 */
export interface PolicyService {
  /**
   * Decides one input. `subject` is the entity the decision is about: its
   * approved, unexpired exceptions become part of the input.
   * Throws when the policy cannot be evaluated: callers fail closed.
   */
  decide(
    decisionPoint: DecisionPoint,
    input: object,
    options: { credentials: BackstageCredentials; subject?: string },
  ): Promise<PolicyDecision>;
  /** Evaluates an entity with `finops.catalog` and stores its violations. */
  evaluateEntity(
    entity: Entity,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityCompliance>;
  /**
   * An entity's stored compliance (its open violations and exceptions), as
   * the catalog's last evaluation left it; read with the caller's access.
   */
  getEntityCompliance(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityCompliance>;
}

/** The policy backend's HTTP API, called with the caller's credentials. */
export class HttpPolicyService implements PolicyService {
  readonly #client: PolicyApiClient;
  readonly #auth: AuthService;

  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
  }): HttpPolicyService {
    return new HttpPolicyService(options.discovery, options.auth);
  }

  private constructor(discovery: DiscoveryService, auth: AuthService) {
    this.#client = new PolicyApiClient({ discoveryApi: discovery });
    this.#auth = auth;
  }

  async decide(
    decisionPoint: DecisionPoint,
    input: object,
    options: { credentials: BackstageCredentials; subject?: string },
  ): Promise<PolicyDecision> {
    const token = await this.#token(options.credentials);
    return this.#read(() =>
      this.#client.decide(
        {
          path: { decisionPoint },
          body: {
            input: input as Record<string, unknown>,
            ...(options.subject && { subject: options.subject }),
          },
        },
        { token },
      ),
    );
  }

  async evaluateEntity(
    entity: Entity,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityCompliance> {
    const token = await this.#token(options.credentials);
    return this.#read(() =>
      this.#client.evaluateEntity(
        { body: { entity: entity as unknown as Record<string, unknown> } },
        { token },
      ),
    );
  }

  async getEntityCompliance(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityCompliance> {
    const token = await this.#token(options.credentials);
    return this.#read(() =>
      this.#client.getEntityCompliance(
        {
          path: {
            kind: entityRef.kind,
            namespace: entityRef.namespace,
            name: entityRef.name,
          },
        },
        { token },
      ),
    );
  }

  async #token(credentials: BackstageCredentials): Promise<string> {
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'policy',
    });
    return token;
  }

  async #read<T>(
    call: () => Promise<{ ok: boolean; json(): Promise<T> } & Response>,
  ): Promise<T> {
    let response: Response & { json(): Promise<T> };
    try {
      response = await call();
    } catch (error) {
      throw new ServiceUnavailableError(
        `The policy backend did not answer: ${(error as Error).message}`,
      );
    }
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }
}

/** Policy decisions through the policy backend (see {@link PolicyService}). */
export const policyServiceRef = createServiceRef<PolicyService>({
  id: 'finops.policy',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      factory: ({ discovery, auth }) =>
        HttpPolicyService.create({ discovery, auth }),
    }),
});
