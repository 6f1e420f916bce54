import {
  migratedDatabase,
  storeDatabases,
} from '../__testUtils__/storeDatabase';
import { ChangeStore } from './ChangeStore';
import { DeploymentStore } from './DeploymentStore';
import { DoraQuery } from './DoraQuery';
import { DeploymentRecord } from './records';

jest.setTimeout(60_000);

const A = 'component:default/a';
const B = 'component:default/b';
const at = (time: string) => Date.parse(`2026-${time}:00Z`);

/** Status time is what counts; creation is an hour earlier throughout. */
function deployment(
  id: string,
  entityRef: string,
  environment: string,
  sha: string,
  status: string,
  time: string,
  extra: Partial<DeploymentRecord> = {},
): DeploymentRecord {
  return {
    id,
    entityRef,
    environment,
    version: sha,
    sha,
    status,
    triggeredBy: 'ana',
    approvedBy: null,
    rollback: false,
    createdAt: at(time) - 3_600_000,
    updatedAt: at(time),
    statusUpdatedAt: at(time),
    url: null,
    source: 'github',
    ...extra,
  };
}

/*
 * The fixed history. Range: Monday 2 November to Monday 16 November 2026.
 *
 * A, production:                          B, production:
 *   d0 success     20 Oct (out of range)    e1 failure 11 Nov 00:00
 *   d1 success s1   3 Nov 10:00             e2 failure 11 Nov 02:00
 *   d2 failure s2   5 Nov 12:00             e3 success 11 Nov 06:00
 *   d3 success s3   5 Nov 15:00
 *   d4 rolled back s4  10 Nov 09:00
 *   d5 rollback to s1, success 10 Nov 10:00
 *   d6 success s6 in "Prod" 12 Nov 08:00
 *   d7 in progress 13 Nov (not finished)
 *   staging success s2 4 Nov (not production)
 *
 * A's changes: s1 at 3 Nov 04:00 (6 h to d1), s3 at 5 Nov 13:00 (2 h to
 * d3), c3 carried by s3 at 5 Nov 11:00 (4 h), s6 at 12 Nov 00:00 (8 h),
 * s2 (only deployed by the failure: no sample).
 */
async function seed(id: Parameters<typeof migratedDatabase>[0]) {
  const db = await migratedDatabase(id);
  const deployments = DeploymentStore.create(db);
  const changes = ChangeStore.create(db);
  await db.transaction(async tx => {
    for (const d of [
      deployment('d0', A, 'production', 's0', 'success', '10-20T10:00'),
      deployment('d1', A, 'production', 's1', 'success', '11-03T10:00'),
      deployment('d2', A, 'production', 's2', 'failure', '11-05T12:00'),
      deployment('d3', A, 'production', 's3', 'success', '11-05T15:00'),
      deployment('d4', A, 'production', 's4', 'rolled_back', '11-10T09:00'),
      deployment('d5', A, 'production', 's1', 'success', '11-10T10:00', {
        rollback: true,
      }),
      deployment('d6', A, 'Prod', 's6', 'success', '11-12T08:00'),
      deployment('d7', A, 'production', 's7', 'in_progress', '11-13T08:00'),
      deployment('st', A, 'staging', 's2', 'success', '11-04T08:00'),
      deployment('e1', B, 'production', 't1', 'failure', '11-11T00:00'),
      deployment('e2', B, 'production', 't2', 'failure', '11-11T02:00'),
      deployment('e3', B, 'production', 't3', 'success', '11-11T06:00'),
    ]) {
      await deployments.upsert(tx, d);
    }
    await changes.record(
      tx,
      [
        ['s1', 's1', '11-03T04:00'],
        ['s2', 's2', '11-05T08:00'],
        ['s3', 's3', '11-05T13:00'],
        ['c3', 's3', '11-05T11:00'],
        ['s6', 's6', '11-12T00:00'],
      ].map(([sha, headSha, time]) => ({
        repository: 'org/a',
        sha,
        headSha,
        entityRef: A,
        changedAt: at(time),
        author: null,
      })),
    );
  });
  return DoraQuery.create({
    db,
    productionEnvironments: ['production', 'prod'],
  });
}

describe.each(storeDatabases.eachSupportedId())('DoraQuery on %p', id => {
  const from = at('11-02T00:00');
  const to = at('11-16T00:00');

  it('computes the four metrics of one entity as counted by hand', async () => {
    const dora = await seed(id);
    const metrics = await dora.compute({
      scope: { entityRef: A },
      entityRefs: [A],
      from,
      to,
    });
    expect(metrics).toEqual({
      scope: { entityRef: A },
      from: '2026-11-02T00:00:00.000Z',
      to: '2026-11-16T00:00:00.000Z',
      // d1, d3, d4 (deployed, then rolled back), d5, d6
      deploymentFrequency: { deployments: 5, perDay: 0.357 },
      // 2, 4, 6, 8 hours
      leadTimeForChanges: { samples: 4, medianHours: 5 },
      // d2 and d4 of d1..d6
      changeFailureRate: { failed: 2, total: 6, rate: 0.3333 },
      // d2 → d3: 3 hours; d4 → d5: 1 hour
      timeToRestore: { samples: 2, medianHours: 2 },
      weekly: [
        { weekStart: '2026-11-02', deployments: 2, failures: 1 },
        { weekStart: '2026-11-09', deployments: 3, failures: 1 },
      ],
    });
  });

  it('counts consecutive failures as one outage, across a scope', async () => {
    const dora = await seed(id);
    const metrics = await dora.compute({
      scope: { system: 'system:default/s' },
      entityRefs: [A, B],
      from,
      to,
    });
    expect(metrics.deploymentFrequency.deployments).toBe(6);
    expect(metrics.changeFailureRate).toEqual({
      failed: 4,
      total: 9,
      rate: 0.4444,
    });
    // 1 h and 3 h for A; 6 h for B's outage from its first failure.
    expect(metrics.timeToRestore).toEqual({ samples: 3, medianHours: 3 });
    expect(metrics.weekly[1]).toEqual({
      weekStart: '2026-11-09',
      deployments: 4,
      failures: 3,
    });
  });

  it('answers zeros, not errors, for a scope without deployments', async () => {
    const dora = await seed(id);
    const metrics = await dora.compute({
      scope: { owner: 'group:default/nobody' },
      entityRefs: [],
      from,
      to,
    });
    expect(metrics).toEqual(
      expect.objectContaining({
        deploymentFrequency: { deployments: 0, perDay: 0 },
        leadTimeForChanges: { samples: 0, medianHours: null },
        changeFailureRate: { failed: 0, total: 0, rate: null },
        timeToRestore: { samples: 0, medianHours: null },
      }),
    );
    expect(metrics.weekly).toHaveLength(2);
  });
});
