import { createPermission } from '@backstage/plugin-permission-common';

/** Reading the decision log: who asked what, and the answer. */
export const policyDecisionLogReadPermission = createPermission({
  name: 'policy.decision-log.read',
  attributes: { action: 'read' },
});

export const policyPermissions = [policyDecisionLogReadPermission];
