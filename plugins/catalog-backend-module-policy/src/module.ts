import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { policyServiceRef } from '@finops/plugin-policy-node';
import { PolicyEntityProcessor } from './PolicyEntityProcessor';

/** Every entity the catalog processes is checked by `finops.catalog`. */
export const catalogModulePolicy = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        policy: policyServiceRef,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ config, logger, auth, policy, processing }) {
        processing.addProcessor(
          PolicyEntityProcessor.create({
            policy,
            auth,
            logger,
            enforce:
              config.getOptionalBoolean('policy.catalog.enforce') ?? true,
          }),
        );
      },
    });
  },
});
