import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading compliance: rules, versions, entities' violations, posture and
 * exceptions.
 */
export const policyReadPermission = createPermission({
  name: 'policy.read',
  attributes: { action: 'read' },
});

/** Reading the decision log: who asked what, and the answer. */
export const policyDecisionLogReadPermission = createPermission({
  name: 'policy.decision-log.read',
  attributes: { action: 'read' },
});

/** Asking for an exception to a rule on an entity. */
export const policyExceptionCreatePermission = createPermission({
  name: 'policy.exception.create',
  attributes: { action: 'create' },
});

/**
 * Approving or rejecting someone else's exception. The Rego policy also
 * refuses it to the requester (maker-checker), whatever their roles.
 */
export const policyExceptionApprovePermission = createPermission({
  name: 'policy.exception.approve',
  attributes: { action: 'update' },
});

export const policyPermissions = [
  policyReadPermission,
  policyDecisionLogReadPermission,
  policyExceptionCreatePermission,
  policyExceptionApprovePermission,
];
