import { LoggerService } from '@backstage/backend-plugin-api';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import { Config } from '@backstage/config';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  PermissionRoles,
  permissionRoles,
  PolicyService,
} from '@finops/plugin-policy-node';

/**
 * Backstage permissions decided by the `finops.permission` Rego package:
 * platform admins, owners of an entity, security approvers and everyone
 * signed in. "Owner" can only be decided per entity, so Rego answers
 * CONDITIONAL and the catalog applies the ownership condition itself.
 * When the policy cannot be evaluated nothing is allowed (fail closed): the
 * request fails with 503 and names the cause, where a DENY would read as
 * "not found" or an empty list.
 * Decisions go through the policy backend on the user's behalf, so each
 * one is in the decision log.
 */
export class RegoPermissionPolicy implements PermissionPolicy {
  readonly #policy: Pick<PolicyService, 'decide'>;
  readonly #auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  readonly #logger: LoggerService;
  readonly #roles: PermissionRoles;

  static create(options: {
    config: Config;
    policy: Pick<PolicyService, 'decide'>;
    auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    logger: LoggerService;
  }): RegoPermissionPolicy {
    return new RegoPermissionPolicy(options, permissionRoles(options.config));
  }

  private constructor(
    options: {
      policy: Pick<PolicyService, 'decide'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      logger: LoggerService;
    },
    roles: PermissionRoles,
  ) {
    this.#policy = options.policy;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#roles = roles;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const claims = user?.info.ownershipEntityRefs ?? [];
    const input = {
      permission: {
        name: permission.name,
        attributes: permission.attributes,
        resourceType: isResourcePermission(permission)
          ? permission.resourceType
          : undefined,
      },
      user: { ref: user?.info.userEntityRef ?? null, groups: claims },
      resource: null,
      config: this.#roles,
    };
    try {
      const credentials: BackstageCredentials =
        (user as { credentials?: BackstageCredentials } | undefined)
          ?.credentials ?? (await this.#auth.getOwnServiceCredentials());
      const decision = await this.#policy.decide('permission', input, {
        credentials,
      });
      if (decision.result === 'ALLOW') return { result: AuthorizeResult.ALLOW };
      if (
        decision.result === 'CONDITIONAL' &&
        isResourcePermission(permission, 'catalog-entity')
      ) {
        return createCatalogConditionalDecision(
          permission,
          catalogConditions.isEntityOwner({ claims }),
        );
      }
      return { result: AuthorizeResult.DENY };
    } catch (error) {
      // Fail closed, and say why: a DENY here would make the catalog answer
      // that entities do not exist and lists come back empty.
      const cause = causeOf(error);
      this.#logger.warn(
        `Permission ${permission.name} refused: the policy could not be evaluated`,
        { error: cause },
      );
      throw new ServiceUnavailableError(
        `Permission ${permission.name} could not be decided, so it is refused until the policy engine answers again: ${cause}`,
      );
    }
  }
}

/** What went wrong, without the "Request failed with …" wrapping. */
function causeOf(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.body?.error?.message ?? error.message;
  }
  return (error as Error)?.message ?? String(error);
}
