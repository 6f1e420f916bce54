import { Config } from '@backstage/config';

/** Used when `finops.permission.adminGroups` is not configured. */
const DEFAULT_ADMIN_GROUPS = ['group:default/platform-team'];
/** Used when `finops.permission.securityApproverGroups` is not configured. */
const DEFAULT_SECURITY_APPROVER_GROUPS = ['group:default/security-team'];

/** The roles `finops.permission` knows, as group entity refs (its `config`). */
export interface PermissionRoles {
  admin_groups: string[];
  security_approver_groups: string[];
}

export function permissionRoles(config: Config): PermissionRoles {
  return {
    admin_groups:
      config.getOptionalStringArray('finops.permission.adminGroups') ??
      DEFAULT_ADMIN_GROUPS,
    security_approver_groups:
      config.getOptionalStringArray(
        'finops.permission.securityApproverGroups',
      ) ?? DEFAULT_SECURITY_APPROVER_GROUPS,
  };
}
