import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createSecretsProvisionAction } from './actions/provision';

/** Adds `finops:secrets:provision`, served by the secrets backend. */
export const scaffolderModuleSecrets = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'secrets',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({ auth, discovery, scaffolderActions }) {
        scaffolderActions.addActions(
          createSecretsProvisionAction({ auth, discovery }),
        );
      },
    });
  },
});
