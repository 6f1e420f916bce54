import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { createPolicyEvaluator } from '@finops/plugin-policy-node';
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
        policy: policyExtensionPoint,
      },
      async init({ config, logger, policy }) {
        policy.setPolicy(
          RegoPermissionPolicy.create({
            config,
            logger,
            evaluator: await createPolicyEvaluator(config),
          }),
        );
      },
    });
  },
});
