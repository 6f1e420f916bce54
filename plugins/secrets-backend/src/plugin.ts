import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createRouter } from './router';
import { VaultInstances } from './vault/VaultInstances';

/**
 * The secrets backend: the Vault instances of `secrets.vault`, one client
 * each, and a status route that says whether they answer. Without
 * `secrets.vault` the backend starts all the same and says so; a wrong
 * `secrets.vault` stops it at startup.
 */
export const secretsPlugin = createBackendPlugin({
  pluginId: 'secrets',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ config, logger, httpAuth, httpRouter }) {
        const instances = VaultInstances.fromConfig(config, { logger });
        if (instances.configured) {
          logger.info('Vault instances configured', {
            instances: instances
              .list()
              .map(client => client.name)
              .join(', '),
            defaultInstance: instances.defaultName,
          });
        } else {
          logger.info(
            'Vault is not configured (secrets.vault); secrets cannot be provisioned',
          );
        }
        httpRouter.use(await createRouter({ httpAuth, instances }));
      },
    });
  },
});
