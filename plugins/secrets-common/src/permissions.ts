import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading an entity's secret metadata: names, versions, times, rotation
 * age, the policies and roles bound to it. Never values.
 */
export const secretsMetadataReadPermission = createPermission({
  name: 'secrets.metadata.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Provisioning an entity's secrets, Vault policies and auth roles: its owners. */
export const secretsProvisionPermission = createPermission({
  name: 'secrets.provision',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/** Rotating an entity's generated secrets: its owners. */
export const secretsRotatePermission = createPermission({
  name: 'secrets.rotate',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Approving or rejecting an entity's pending secret request: its owners,
 * never the requester (finops.secrets says so).
 */
export const secretsApprovePermission = createPermission({
  name: 'secrets.approve',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

export const secretsPermissions = [
  secretsMetadataReadPermission,
  secretsProvisionPermission,
  secretsRotatePermission,
  secretsApprovePermission,
];
