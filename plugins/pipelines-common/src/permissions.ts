import { createPermission } from '@backstage/plugin-permission-common';

/** Reading runs, deployments and DORA metrics. */
export const pipelinesReadPermission = createPermission({
  name: 'pipelines.read',
  attributes: { action: 'read' },
});

/**
 * Asking to deploy, promote or roll back an entity, or to re-run its
 * failed workflow: its owners (the policy decides whether it runs).
 */
export const pipelinesDeployPermission = createPermission({
  name: 'pipelines.deploy',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Approving or rejecting an entity's deploy request: its owners, never
 * the requester or an author of the change (finops.deploy says so).
 */
export const pipelinesDeployApprovePermission = createPermission({
  name: 'pipelines.deploy.approve',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

export const pipelinesPermissions = [
  pipelinesReadPermission,
  pipelinesDeployPermission,
  pipelinesDeployApprovePermission,
];
