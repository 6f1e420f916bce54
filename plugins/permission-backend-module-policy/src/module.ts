import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { FoundationPermissionPolicy } from './FoundationPermissionPolicy';

/** Installs {@link FoundationPermissionPolicy} as the permission policy. */
export const permissionModulePolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        policy: policyExtensionPoint,
      },
      async init({ config, policy }) {
        policy.setPolicy(FoundationPermissionPolicy.fromConfig(config));
      },
    });
  },
});
