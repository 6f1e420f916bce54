import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { policyPermissions } from '@finops/plugin-policy-common';
import { createPolicyEvaluator } from '@finops/plugin-policy-node';
import { DecisionLogStore } from './database/DecisionLogStore';
import { migrateDatabase } from './database/migrateDatabase';
import { PolicyVersionStore } from './database/PolicyVersionStore';
import { createRouter } from './router';
import { PolicyDecider } from './service/PolicyDecider';

/**
 * The policy backend: decides with the `finops.*` Rego policies (embedded
 * Wasm or an OPA server) and keeps the decision log and policy versions.
 */
export const policyPlugin = createBackendPlugin({
  pluginId: 'policy',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init(deps) {
        const { config, logger, database, httpRouter } = deps;
        const db = await migrateDatabase(database);
        const decisionLog = DecisionLogStore.create(db);
        const versions = PolicyVersionStore.create(db);
        const evaluator = await createPolicyEvaluator(config);
        const decider = PolicyDecider.create({
          evaluator,
          decisionLog,
          versions,
        });
        deps.permissionsRegistry.addPermissions(policyPermissions);

        try {
          const revision = await decider.recordLoadedVersion();
          logger.info(`Policy revision ${revision} loaded`, {
            evaluator: evaluator.kind,
          });
        } catch (error) {
          // An unreachable OPA server must not stop the portal: decisions
          // fail closed until it answers.
          logger.warn('Policy not loaded yet; decisions will fail closed', {
            evaluator: evaluator.kind,
            error: (error as Error).message,
          });
        }

        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            decider,
            decisionLog,
            versions,
          }),
        );
      },
    });
  },
});
