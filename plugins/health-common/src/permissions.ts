import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading an entity's health: golden signals, SLOs and error budget,
 * alerts and dashboards. Checked per entity, after the catalog has let
 * the caller see the entity at all.
 */
export const healthReadPermission = createPermission({
  name: 'health.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

export const healthPermissions = [healthReadPermission];
