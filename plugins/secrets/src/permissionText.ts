import type { SecretsPermissions } from './hooks';

export type SecretsAction = 'provision' | 'rotate' | 'approve';

/** The backend's reasons for refusing, said of the entity on screen. */
const NOT_ALLOWED: Record<SecretsAction, string> = {
  provision: 'Only the owners of this entity request its secrets.',
  rotate: 'Only the owners of this entity rotate its secrets.',
  approve: 'Only the owners of this entity review its secret requests.',
};

const ALLOWED: Record<SecretsAction, keyof SecretsPermissions> = {
  provision: 'canProvision',
  rotate: 'canRotate',
  approve: 'canApprove',
};

/**
 * Why an action on the entity's secrets is disabled for the signed-in
 * user, or undefined when it is not.
 */
export function disabledReason(
  permissions: SecretsPermissions,
  action: SecretsAction,
): string | undefined {
  if (permissions.loading) {
    return 'Checking your permissions…';
  }
  return permissions[ALLOWED[action]] ? undefined : NOT_ALLOWED[action];
}
