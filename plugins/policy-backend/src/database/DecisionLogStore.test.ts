import { TestDatabases } from '@backstage/backend-test-utils';
import { DecisionLogStore } from './DecisionLogStore';
import { migrateDatabase } from './migrateDatabase';
import { PolicyVersionStore } from './PolicyVersionStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const violation = {
  rule: 'CAT-OWNER-001',
  severity: 'high' as const,
  message: 'the owner group does not exist',
  remediation: 'Set spec.owner to an existing group.',
  frameworks: ['SOC 2 CC6.1'],
};

describe.each(databases.eachSupportedId())('policy stores on %p', id => {
  async function stores() {
    const knex = await databases.init(id);
    const db = await migrateDatabase({
      getClient: async () => knex,
      migrations: { skip: false },
    });
    return {
      decisionLog: DecisionLogStore.create(db),
      versions: PolicyVersionStore.create(db),
    };
  }

  it('lists decisions newest first, by decision point and actor', async () => {
    const { decisionLog } = await stores();
    const base = {
      inputDigest: 'a'.repeat(64),
      revision: 'rev1',
      durationMs: 0.42,
    };
    await decisionLog.record({
      ...base,
      decisionPoint: 'catalog',
      allow: false,
      violations: [violation],
      actor: 'user:default/ana',
      decidedAt: '2026-11-28T10:00:00.000Z',
    });
    await decisionLog.record({
      ...base,
      decisionPoint: 'deploy',
      allow: true,
      violations: [],
      actor: 'user:default/ben',
      decidedAt: '2026-11-28T11:00:00.000Z',
    });

    const all = await decisionLog.list({});
    expect(all.map(d => d.decisionPoint)).toEqual(['deploy', 'catalog']);
    expect(all[1]).toEqual(
      expect.objectContaining({
        allow: false,
        violations: [violation],
        revision: 'rev1',
        durationMs: expect.closeTo(0.42, 2),
        actor: 'user:default/ana',
        decidedAt: '2026-11-28T10:00:00.000Z',
      }),
    );
    expect(await decisionLog.list({ decisionPoint: 'catalog' })).toHaveLength(
      1,
    );
    expect(await decisionLog.list({ actor: 'user:default/ben' })).toHaveLength(
      1,
    );
    expect(await decisionLog.list({ limit: 1 })).toHaveLength(1);
  });

  it('records each policy revision once, however often it is loaded', async () => {
    const { versions } = await stores();
    const version = {
      revision: 'rev1',
      loadedAt: '2026-11-28T10:00:00.000Z',
      rules: { catalog: {} },
    };
    await versions.recordLoaded(version);
    await versions.recordLoaded({
      ...version,
      loadedAt: '2026-11-28T12:00:00.000Z',
    });
    expect(await versions.list()).toEqual([version]);
  });
});
