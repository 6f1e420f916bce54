import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { pipelinesPermissions } from '@finops/plugin-pipelines-common';
import { policyServiceRef } from '@finops/plugin-policy-node';
import { errorBudgetServiceRef } from '@finops/plugin-health-node';
import { readPipelinesConfig } from './config';
import { ChangeStore } from './database/ChangeStore';
import { DeliveryStore } from './database/DeliveryStore';
import { DeploymentStore } from './database/DeploymentStore';
import { DeployRequestStore } from './database/DeployRequestStore';
import { ArgoCdClient } from './deploy/ArgoCdClient';
import { DeployService } from './deploy/DeployService';
import { DeployTargets } from './deploy/DeployTargets';
import { DoraQuery } from './database/DoraQuery';
import { migrateDatabase } from '@finops/backend-common';
import { RunStore } from './database/RunStore';
import { CatalogEntityIndex } from './ingestion/CatalogEntityIndex';
import { ExampleReplayer } from './ingestion/ExampleReplayer';
import { IngestionMetrics } from './ingestion/IngestionMetrics';
import { INGESTED_TOPICS, WebhookIngestor } from './ingestion/WebhookIngestor';
import { PipelineSignals } from './PipelineSignals';
import { createRouter } from './router';
import { RunBackfiller } from './backfill/RunBackfiller';
import { scheduleBackfill } from './backfill/scheduleBackfill';
import { GithubClient } from './github/GithubClient';

const DAY_MS = 86_400_000;

/**
 * The pipelines backend: stores GitHub Actions runs and jobs, deployments
 * (GitHub and Argo CD) and the changes they ship, from webhook deliveries
 * on the events service, and serves them with DORA metrics.
 */
export const pipelinesPlugin = createBackendPlugin({
  pluginId: 'pipelines',
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
        scheduler: coreServices.scheduler,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        policy: policyServiceRef,
        errorBudgets: errorBudgetServiceRef,
        signals: signalsServiceRef,
        metrics: metricsServiceRef,
      },
      async init(deps) {
        const { logger, scheduler } = deps;
        const config = readPipelinesConfig(deps.config);
        const db = await migrateDatabase(
          deps.database,
          '@finops/plugin-pipelines-backend',
        );
        const runs = RunStore.create(db);
        const deployments = DeploymentStore.create(db);
        const changes = ChangeStore.create(db);
        const deliveries = DeliveryStore.create(db);
        const deployRequests = DeployRequestStore.create(db);
        const entities = CatalogEntityIndex.create({
          catalog: deps.catalog,
          auth: deps.auth,
        });
        const signals = PipelineSignals.create({
          signals: deps.signals,
          logger,
        });
        const ingestor = WebhookIngestor.create({
          db,
          runs,
          deployments,
          changes,
          deliveries,
          entities,
          logger,
          signals,
          metrics: IngestionMetrics.create({
            metrics: deps.metrics,
            topics: INGESTED_TOPICS,
          }),
        });
        await ingestor.subscribe(deps.events);
        const github = GithubClient.fromConfig(deps.config);
        await scheduleBackfill({
          scheduler,
          logger,
          config: config.backfill,
          backfiller: RunBackfiller.create({
            db,
            runs,
            github,
            catalog: deps.catalog,
            auth: deps.auth,
            logger,
            lookbackHours: config.backfill.lookbackHours,
            rateLimitReserve: config.backfill.rateLimitReserve,
            signals,
          }),
        });
        deps.permissionsRegistry.addPermissions(pipelinesPermissions);

        await scheduler.scheduleTask({
          id: 'pipelines-retention',
          frequency: { hours: 24 },
          timeout: { hours: 1 },
          initialDelay: { minutes: 5 },
          fn: async () => {
            const cutoff = Date.now() - config.retentionDays * DAY_MS;
            const deleted = {
              runs: await runs.deleteOlderThan(cutoff),
              deployments: await deployments.deleteOlderThan(cutoff),
              changes: await changes.deleteOlderThan(cutoff),
              deliveries: await deliveries.deleteOlderThan(cutoff),
              deployRequests: await deployRequests.deleteOlderThan(cutoff),
            };
            logger.info('Deleted pipeline history past retention', {
              retentionDays: config.retentionDays,
              ...deleted,
            });
          },
        });

        if (config.examples.load) {
          const replayer = ExampleReplayer.create({
            directory: config.examples.directory,
            ingestor,
            logger,
          });
          // The catalog reads the example entities shortly after startup:
          // deliveries it cannot place yet are replayed on the next run.
          let complete = false;
          await scheduler.scheduleTask({
            id: 'pipelines-example-replay',
            frequency: { minutes: 1 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 15 },
            scope: 'local',
            fn: async () => {
              if (!complete) {
                complete = await replayer.replay(Date.now());
              }
            },
          });
        }

        const deploys = DeployService.create({
          catalog: deps.catalog,
          auth: deps.auth,
          permissions: deps.permissions,
          policy: deps.policy,
          errorBudgets: deps.errorBudgets,
          runs,
          deployments,
          changes,
          requests: deployRequests,
          targets: DeployTargets.create({
            github: github.configured ? github : undefined,
            argocd: ArgoCdClient.fromConfig(deps.config),
            productionEnvironments: config.productionEnvironments,
          }),
          freezeWindows: config.freezeWindows,
          logger,
          signals,
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            runs,
            deployments,
            dora: DoraQuery.create({
              db,
              productionEnvironments: config.productionEnvironments,
            }),
            entities,
            deploys,
            deployRequests,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
