import { usePermission } from '@backstage/plugin-permission-react';
import {
  secretsApprovePermission,
  secretsProvisionPermission,
  secretsRotatePermission,
} from '@finops/plugin-secrets-common';

/** What the signed-in user may do to an entity's secrets. */
export interface SecretsPermissions {
  canProvision: boolean;
  canRotate: boolean;
  /** Approve or reject the entity's secret requests. */
  canApprove: boolean;
  /** Still asking; every `can…` is false meanwhile. */
  loading: boolean;
}

/**
 * Whether the signed-in user may provision, rotate and approve the entity's
 * secrets, asked once per tab so that its buttons can be disabled up front
 * instead of failing on click. Only a convenience: the backend checks the
 * same permissions (and the finops.secrets policy) on every request.
 */
export function useSecretsPermissions(entityRef: string): SecretsPermissions {
  const provision = usePermission({
    permission: secretsProvisionPermission,
    resourceRef: entityRef,
  });
  const rotate = usePermission({
    permission: secretsRotatePermission,
    resourceRef: entityRef,
  });
  const approve = usePermission({
    permission: secretsApprovePermission,
    resourceRef: entityRef,
  });
  return {
    canProvision: provision.allowed,
    canRotate: rotate.allowed,
    canApprove: approve.allowed,
    loading: provision.loading || rotate.loading || approve.loading,
  };
}
