import { Config } from '@backstage/config';
import {
  catalogEntityDeletePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

/**
 * Groups whose members may take destructive catalog actions when nothing is
 * configured. The example organisation calls its platform team this.
 */
const DEFAULT_ADMIN_GROUPS = ['group:default/platform-team'];

/**
 * Permissions that remove things other people rely on. Everything else is
 * a read or a self-service action that the plugins guard themselves.
 */
const DESTRUCTIVE_PERMISSIONS = new Set([
  catalogEntityDeletePermission.name,
  catalogLocationDeletePermission.name,
]);

/**
 * The foundation's permission policy, and deliberately a placeholder: the
 * policy family replaces it with decisions made by `finops.permission` in
 * Rego. Until then it is not allow-all: unregistering entities and deleting
 * locations is limited to members of the admin groups
 * (`finops.permission.adminGroups`).
 */
export class FoundationPermissionPolicy implements PermissionPolicy {
  readonly #adminGroups: ReadonlySet<string>;

  static fromConfig(config: Config): FoundationPermissionPolicy {
    const groups =
      config.getOptionalStringArray('finops.permission.adminGroups') ??
      DEFAULT_ADMIN_GROUPS;
    return new FoundationPermissionPolicy(groups);
  }

  private constructor(adminGroups: string[]) {
    this.#adminGroups = new Set(adminGroups.map(g => g.toLocaleLowerCase()));
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!DESTRUCTIVE_PERMISSIONS.has(request.permission.name)) {
      return { result: AuthorizeResult.ALLOW };
    }
    const claims = user?.info.ownershipEntityRefs ?? [];
    const isAdmin = claims.some(ref =>
      this.#adminGroups.has(ref.toLocaleLowerCase()),
    );
    return { result: isAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
}
