import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { policyServiceRef } from '@finops/plugin-policy-node';
import { createPolicyCheckAction } from './actions/policyCheck';

/** Adds `finops:policy:check`, decided by the `finops.scaffolder` policy. */
export const scaffolderModulePolicy = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        policy: policyServiceRef,
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({ config, policy, scaffolderActions }) {
        scaffolderActions.addActions(
          createPolicyCheckAction({ policy, config }),
        );
      },
    });
  },
});
