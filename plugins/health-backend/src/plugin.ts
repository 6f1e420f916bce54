import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { healthPermissions } from '@finops/plugin-health-common';
import { readHealthSettings, SourceKind } from './healthConfig';
import { HealthService } from './HealthService';
import { createRouter } from './router';
import { SourceInstances } from './sources/Sources';

/**
 * The health backend: the Prometheus, Alertmanager and Grafana instances
 * of `health`, and each entity's golden signals, SLOs and error budget,
 * alerts and dashboards. Without `health` it starts all the same and each
 * source says what to configure; a wrong `health` stops it at startup.
 */
export const healthPlugin = createBackendPlugin({
  pluginId: 'health',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const settings = readHealthSettings(deps.config);
        const kinds: SourceKind[] = ['prometheus', 'alertmanager', 'grafana'];
        const sources = Object.fromEntries(
          kinds.map(kind => [
            kind,
            SourceInstances.create(kind, settings, deps.cache),
          ]),
        ) as Record<SourceKind, SourceInstances>;
        for (const kind of kinds) {
          const names = sources[kind].list().map(i => i.client.name);
          deps.logger.info(
            names.length > 0
              ? `${kind} instances: ${names.join(', ')}`
              : `${kind} is not configured (health.${kind})`,
          );
        }
        deps.permissionsRegistry.addPermissions(healthPermissions);
        const health = HealthService.create({
          catalog: deps.catalog,
          permissions: deps.permissions,
          settings,
          sources,
          cache: deps.cache,
        });
        deps.httpRouter.use(
          await createRouter({ httpAuth: deps.httpAuth, health }),
        );
      },
    });
  },
});
