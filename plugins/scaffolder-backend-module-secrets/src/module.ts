import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createSecretsProvisionAction } from './actions/provision';

/** What finops:secrets:provision does in a portal without Vault. */
const WHEN_VAULT_NOT_CONFIGURED_KEY =
  'scaffolder.secretsProvisioning.whenVaultNotConfigured';

/** Adds `finops:secrets:provision`, served by the secrets backend. */
export const scaffolderModuleSecrets = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'secrets',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({ auth, config, discovery, scaffolderActions }) {
        const whenVaultNotConfigured = config.getOptionalString(
          WHEN_VAULT_NOT_CONFIGURED_KEY,
        );
        if (
          whenVaultNotConfigured !== undefined &&
          whenVaultNotConfigured !== 'fail' &&
          whenVaultNotConfigured !== 'skip'
        ) {
          throw new Error(
            `${WHEN_VAULT_NOT_CONFIGURED_KEY} must be "fail" or "skip", not "${whenVaultNotConfigured}"`,
          );
        }
        scaffolderActions.addActions(
          createSecretsProvisionAction({
            auth,
            discovery,
            whenVaultNotConfigured,
          }),
        );
      },
    });
  },
});
