import { mockServices } from '@backstage/backend-test-utils';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  exampleRepoEntities,
  githubExample,
} from '../__testUtils__/githubExamples';
import { migratedDatabase } from '../__testUtils__/storeDatabase';
import { ChangeStore } from '../database/ChangeStore';
import { DeliveryStore } from '../database/DeliveryStore';
import { DeploymentStore } from '../database/DeploymentStore';
import { RunStore } from '../database/RunStore';
import { CatalogEntityIndex } from './CatalogEntityIndex';
import { IngestionMetrics } from './IngestionMetrics';
import { INGESTED_TOPICS, WebhookIngestor } from './WebhookIngestor';

jest.setTimeout(60_000);

async function meteredIngestor() {
  const db = await migratedDatabase('SQLITE_3');
  const metrics = metricsServiceMock.mock();
  const ingestor = WebhookIngestor.create({
    db,
    runs: RunStore.create(db),
    deployments: DeploymentStore.create(db),
    changes: ChangeStore.create(db),
    deliveries: DeliveryStore.create(db),
    entities: CatalogEntityIndex.create({
      catalog: catalogServiceMock({ entities: exampleRepoEntities }),
      auth: mockServices.auth(),
    }),
    logger: mockServices.logger.mock(),
    metrics: IngestionMetrics.create({ metrics, topics: INGESTED_TOPICS }),
  });
  const histogram = (name: string) => {
    const index = (metrics.createHistogram as jest.Mock).mock.calls.findIndex(
      ([n]) => n === name,
    );
    return (metrics.createHistogram as jest.Mock).mock.results[index].value
      .record as jest.Mock;
  };
  return {
    db,
    ingestor,
    duration: histogram('finops.pipelines.ingestion.duration'),
    lag: histogram('finops.pipelines.ingestion.lag'),
  };
}

function deliver(
  ingestor: WebhookIngestor,
  event: string,
  payload: unknown,
  deliveryId: string,
) {
  return ingestor.ingest({
    topic: `github.${event}`,
    eventPayload: payload,
    metadata: { 'x-github-event': event, 'x-github-delivery': deliveryId },
  });
}

describe('IngestionMetrics', () => {
  it('times every delivery by outcome, and the lag of stored ones from their event time', async () => {
    const { ingestor, duration, lag } = await meteredIngestor();
    const run = githubExample('workflow_run', 1);
    // The run changed 42 seconds before it reached us.
    run.workflow_run.updated_at = new Date(Date.now() - 42_000).toISOString();

    await deliver(ingestor, 'workflow_run', run, 'd-1');
    await deliver(ingestor, 'workflow_run', run, 'd-1');
    await deliver(ingestor, 'workflow_run', { action: 'completed' }, 'd-2');

    expect(duration.mock.calls.map(([, attributes]) => attributes)).toEqual([
      { topic: 'github.workflow_run', outcome: 'stored' },
      { topic: 'github.workflow_run', outcome: 'duplicate' },
      { topic: 'github.workflow_run', outcome: 'malformed' },
    ]);
    for (const [seconds] of duration.mock.calls) {
      expect(seconds).toBeGreaterThanOrEqual(0);
      expect(seconds).toBeLessThan(10);
    }
    // Only the stored delivery has a lag, and it is the 42 s (and a bit).
    expect(lag).toHaveBeenCalledTimes(1);
    const [[seconds, attributes]] = lag.mock.calls;
    expect(attributes).toEqual({
      topic: 'github.workflow_run',
      outcome: 'stored',
    });
    expect(seconds).toBeGreaterThanOrEqual(42);
    expect(seconds).toBeLessThan(52);
  });

  it('records a delivery that failed to store as an error', async () => {
    const { db, ingestor, duration, lag } = await meteredIngestor();
    await db.destroy();

    await expect(
      deliver(ingestor, 'workflow_run', githubExample('workflow_run', 1), 'x'),
    ).rejects.toThrow();

    expect(duration.mock.calls.map(([, attributes]) => attributes)).toEqual([
      { topic: 'github.workflow_run', outcome: 'error' },
    ]);
    expect(lag).not.toHaveBeenCalled();
  });

  it('folds topics it was not set up for into one label', () => {
    const metrics = metricsServiceMock.mock();
    IngestionMetrics.create({ metrics, topics: ['argocd'] }).record({
      topic: 'github.unexpected',
      outcome: 'ignored',
      receivedAt: 1_000,
      now: 1_500,
    });
    const record = (metrics.createHistogram as jest.Mock).mock.results[0].value
      .record as jest.Mock;
    expect(record).toHaveBeenCalledWith(0.5, {
      topic: 'other',
      outcome: 'ignored',
    });
  });
});
