import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  migratedDatabase,
  storeDatabases,
} from '../__testUtils__/storeDatabase';
import { ChangeStore } from '../database/ChangeStore';
import { DeliveryStore } from '../database/DeliveryStore';
import { DeploymentStore } from '../database/DeploymentStore';
import { DoraQuery } from '../database/DoraQuery';
import { RunStore } from '../database/RunStore';
import { CatalogEntityIndex } from './CatalogEntityIndex';
import { ExampleReplayer } from './ExampleReplayer';
import { WebhookIngestor } from './WebhookIngestor';

jest.setTimeout(60_000);

const REPO_ROOT = resolve(__dirname, '../../../..');
const DAY_MS = 86_400_000;

/** The example components the local configuration loads. */
function exampleComponents(): Entity[] {
  return parseAllDocuments(
    readFileSync(resolve(REPO_ROOT, 'examples/components.yaml'), 'utf8'),
  )
    .map(doc => doc.toJS() as Entity)
    .filter(Boolean);
}

describe.each(storeDatabases.eachSupportedId())('ExampleReplayer on %p', id => {
  it('replays the examples once, ending now, with all four DORA metrics', async () => {
    const db = await migratedDatabase(id);
    const runs = RunStore.create(db);
    const deployments = DeploymentStore.create(db);
    const ingestor = WebhookIngestor.create({
      db,
      runs,
      deployments,
      changes: ChangeStore.create(db),
      deliveries: DeliveryStore.create(db),
      entities: CatalogEntityIndex.create({
        catalog: catalogServiceMock({ entities: exampleComponents() }),
        auth: mockServices.auth(),
      }),
      logger: mockServices.logger.mock(),
    });
    const replayer = ExampleReplayer.create({
      directory: resolve(REPO_ROOT, 'examples/pipelines'),
      ingestor,
      logger: mockServices.logger.mock(),
    });
    const now = Date.now();

    expect(await replayer.replay(now)).toBe(true);
    const counts = await Promise.all(
      ['pipeline_deliveries', 'pipeline_runs', 'pipeline_deployments'].map(
        async table => Number((await db(table).count({ n: '*' }))[0].n),
      ),
    );
    expect(counts[0]).toBeGreaterThan(200);
    // A restart replays them again: every one is known by its delivery id.
    expect(await replayer.replay(now + DAY_MS)).toBe(true);
    const again = await Promise.all(
      ['pipeline_deliveries', 'pipeline_runs', 'pipeline_deployments'].map(
        async table => Number((await db(table).count({ n: '*' }))[0].n),
      ),
    );
    expect(again).toEqual(counts);

    const cardPayments = 'component:default/card-payments';
    const [newest] = (
      await runs.listRuns({ entityRef: cardPayments, limit: 1 })
    ).items;
    expect(now - Date.parse(newest.createdAt)).toBeLessThan(DAY_MS);

    const dora = await DoraQuery.create({
      db,
      productionEnvironments: ['production'],
    }).compute({
      scope: { entityRef: cardPayments },
      entityRefs: [cardPayments],
      from: now - 30 * DAY_MS,
      to: now + 1,
    });
    expect(dora.deploymentFrequency.deployments).toBeGreaterThan(5);
    expect(dora.leadTimeForChanges.medianHours).toBeGreaterThan(0);
    expect(dora.changeFailureRate.failed).toBe(1);
    expect(dora.timeToRestore.samples).toBe(1);
    expect(dora.timeToRestore.medianHours).toBeGreaterThan(0);

    const ledger = await deployments.listEnvironments(
      'component:default/ledger-service',
    );
    expect(ledger.map(e => [e.environment, e.current?.source])).toEqual([
      ['production', 'argocd'],
      ['staging', 'github'],
    ]);
  });
});
