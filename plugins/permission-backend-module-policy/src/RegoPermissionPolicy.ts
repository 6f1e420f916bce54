import { LoggerService } from '@backstage/backend-plugin-api';
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
  PolicyEvaluator,
  toPermissionDecision,
} from '@finops/plugin-policy-node';

/** Used when `finops.permission.adminGroups` is not configured. */
const DEFAULT_ADMIN_GROUPS = ['group:default/platform-team'];
/** Used when `finops.permission.securityApproverGroups` is not configured. */
const DEFAULT_SECURITY_APPROVER_GROUPS = ['group:default/security-team'];

/** The roles the Rego policy knows, as group entity refs. */
interface PermissionRoles {
  admin_groups: string[];
  security_approver_groups: string[];
}

/**
 * Backstage permissions decided by the `finops.permission` Rego package:
 * platform admins, owners of an entity, security approvers and everyone
 * signed in. "Owner" can only be decided per entity, so Rego answers
 * CONDITIONAL and the catalog applies the ownership condition itself.
 * When the policy cannot be evaluated the answer is DENY: fail closed.
 */
export class RegoPermissionPolicy implements PermissionPolicy {
  readonly #evaluator: PolicyEvaluator;
  readonly #logger: LoggerService;
  readonly #roles: PermissionRoles;

  static create(options: {
    config: Config;
    evaluator: PolicyEvaluator;
    logger: LoggerService;
  }): RegoPermissionPolicy {
    const { config } = options;
    return new RegoPermissionPolicy(options.evaluator, options.logger, {
      admin_groups:
        config.getOptionalStringArray('finops.permission.adminGroups') ??
        DEFAULT_ADMIN_GROUPS,
      security_approver_groups:
        config.getOptionalStringArray(
          'finops.permission.securityApproverGroups',
        ) ?? DEFAULT_SECURITY_APPROVER_GROUPS,
    });
  }

  private constructor(
    evaluator: PolicyEvaluator,
    logger: LoggerService,
    roles: PermissionRoles,
  ) {
    this.#evaluator = evaluator;
    this.#logger = logger;
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
      const document = await this.#evaluator.evaluate('permission', input);
      const decision = toPermissionDecision(
        document,
        await this.#evaluator.revision(),
      );
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
      this.#logger.warn(
        `Permission ${permission.name} denied: the policy could not be evaluated`,
        { error: (error as Error).message },
      );
      return { result: AuthorizeResult.DENY };
    }
  }
}
