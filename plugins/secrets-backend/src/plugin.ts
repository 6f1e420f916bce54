import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyServiceRef } from '@finops/plugin-policy-node';
import { secretsPermissions } from '@finops/plugin-secrets-common';
import { migrateDatabase } from '@finops/backend-common';
import { SecretRequestStore } from './requests/SecretRequestStore';
import { createRouter } from './router';
import { readSecretsSettings } from './secretsConfig';
import { SecretsService } from './SecretsService';
import { VaultCallMetrics } from './vault/VaultCallMetrics';
import { VaultInstances } from './vault/VaultInstances';

/**
 * The secrets backend: the Vault instances of `secrets.vault`, one client
 * each; entity secret metadata, provisioning, rotation and the approvals
 * production needs. Without `secrets.vault` the backend starts all the
 * same and says so; a wrong `secrets.vault` stops it at startup.
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
        database: coreServices.database,
        permissions: coreServices.permissions,
        userInfo: coreServices.userInfo,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        policy: policyServiceRef,
        metrics: metricsServiceRef,
      },
      async init(deps) {
        const { config, logger } = deps;
        const instances = VaultInstances.fromConfig(config, {
          logger,
          metrics: VaultCallMetrics.create(deps.metrics),
        });
        const settings = readSecretsSettings(config);
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
        deps.permissionsRegistry.addPermissions(secretsPermissions);
        const db = await migrateDatabase(
          deps.database,
          '@finops/plugin-secrets-backend',
        );
        const secrets = new SecretsService({
          instances,
          settings,
          catalog: deps.catalog,
          permissions: deps.permissions,
          userInfo: deps.userInfo,
          policy: deps.policy,
          requests: SecretRequestStore.create(db),
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            instances,
            secrets,
          }),
        );
      },
    });
  },
});
