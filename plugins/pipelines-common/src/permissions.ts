import { createPermission } from '@backstage/plugin-permission-common';

/** Reading runs, deployments and DORA metrics. */
export const pipelinesReadPermission = createPermission({
  name: 'pipelines.read',
  attributes: { action: 'read' },
});

export const pipelinesPermissions = [pipelinesReadPermission];
