import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { policyServiceRef } from '@finops/plugin-policy-node';
import { RegoPermissionPolicy } from './RegoPermissionPolicy';

/** Backstage permissions decided by the `finops.permission` Rego package. */
export const permissionModulePolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        policyService: policyServiceRef,
        permissionPolicy: policyExtensionPoint,
      },
      async init({ config, logger, auth, policyService, permissionPolicy }) {
        permissionPolicy.setPolicy(
          RegoPermissionPolicy.create({
            config,
            logger,
            auth,
            policy: policyService,
          }),
        );
      },
    });
  },
});
