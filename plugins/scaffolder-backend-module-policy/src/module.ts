import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPolicyEvaluator } from '@finops/plugin-policy-node';
import { createPolicyCheckAction } from './actions/policyCheck';

/** Adds `finops:policy:check`, decided by the `finops.scaffolder` policy. */
export const scaffolderModulePolicy = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({ config, scaffolderActions }) {
        // Loaded once (the Wasm bundle is compiled here) and reused by every run.
        const evaluator = await createPolicyEvaluator(config);
        scaffolderActions.addActions(
          createPolicyCheckAction({ evaluator, config }),
        );
      },
    });
  },
});
