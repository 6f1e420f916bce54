import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyPermissions } from '@finops/plugin-policy-common';
import {
  createPolicyEvaluator,
  MeteredPolicyEvaluator,
  permissionRoles,
} from '@finops/plugin-policy-node';
import { DecisionLogStore } from './database/DecisionLogStore';
import { ExceptionStore } from './database/ExceptionStore';
import { migrateDatabase } from '@finops/backend-common';
import { PolicyVersionStore } from './database/PolicyVersionStore';
import { ViolationStore } from './database/ViolationStore';
import { createRouter } from './router';
import { EntityComplianceChecker } from './service/EntityComplianceChecker';
import { ExceptionWorkflow } from './service/ExceptionWorkflow';
import { PolicyDecider } from './service/PolicyDecider';
import { PolicyRevisionWatcher } from './service/PolicyRevisionWatcher';

/**
 * The policy backend: decides with the `finops.*` Rego policies (embedded
 * Wasm or an OPA server) and keeps the decision log, each entity's
 * violations, exceptions and the policy versions.
 */
export const policyPlugin = createBackendPlugin({
  pluginId: 'policy',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        userInfo: coreServices.userInfo,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        metrics: metricsServiceRef,
      },
      async init(deps) {
        const { config, logger, auth, catalog, scheduler } = deps;
        const db = await migrateDatabase(
          deps.database,
          '@finops/plugin-policy-backend',
        );
        const decisionLog = DecisionLogStore.create(db);
        const versions = PolicyVersionStore.create(db);
        const violations = ViolationStore.create(db);
        const exceptions = ExceptionStore.create(db);
        // Decision latency, by decision point (docs/operations.md, Metrics).
        const evaluator = MeteredPolicyEvaluator.wrap(
          await createPolicyEvaluator(config),
          deps.metrics,
        );
        const decider = PolicyDecider.create({
          evaluator,
          decisionLog,
          exceptions,
        });
        const checker = EntityComplianceChecker.create({
          decider,
          violations,
          exceptions,
          catalog,
          auth,
          logger,
        });
        const workflow = ExceptionWorkflow.create({
          store: exceptions,
          decider,
          checker,
          catalog,
          auth,
          userInfo: deps.userInfo,
          roles: permissionRoles(config),
        });
        deps.permissionsRegistry.addPermissions(policyPermissions);

        const watcher = PolicyRevisionWatcher.create({
          decider,
          versions,
          checker,
          logger,
        });
        // Several replicas: the scheduler runs each task on one at a time.
        await scheduler.scheduleTask({
          id: 'policy-revision-watch',
          frequency: { minutes: 1 },
          timeout: { minutes: 30 },
          initialDelay: { seconds: 15 },
          fn: async () => {
            await watcher.check();
          },
        });
        // Catches what the catalog module cannot see: entities deleted from
        // the catalog, and evaluations lost while this backend was down.
        await scheduler.scheduleTask({
          id: 'policy-catalog-reconcile',
          frequency: { hours: 6 },
          timeout: { hours: 1 },
          initialDelay: { minutes: 10 },
          fn: async () => {
            await checker.reevaluateAll();
          },
        });
        await scheduler.scheduleTask({
          id: 'policy-exception-expiry',
          frequency: { minutes: 5 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            const expired = await workflow.expire();
            for (const exception of expired) {
              const event = await deps.auditor.createEvent({
                eventId: 'policy-exception-expire',
                severityLevel: 'medium',
                meta: {
                  exceptionId: exception.id,
                  entityRef: exception.entityRef,
                  rule: exception.rule,
                },
              });
              await event.success();
            }
          },
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            decider,
            decisionLog,
            versions,
            violations,
            exceptions,
            checker,
            workflow,
          }),
        );
      },
    });
  },
});
