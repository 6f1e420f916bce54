import {
  migratedDatabase,
  storeDatabases,
} from '../__testUtils__/storeDatabase';
import { DecisionLogStore } from './DecisionLogStore';
import { PolicyVersionStore } from './PolicyVersionStore';

jest.setTimeout(60_000);

const violation = {
  rule: 'CAT-OWNER-001',
  severity: 'high' as const,
  message: 'the owner group does not exist',
  remediation: 'Set spec.owner to an existing group.',
  frameworks: ['SOC 2 CC6.1'],
};

describe.each(storeDatabases.eachSupportedId())('policy stores on %p', id => {
  async function stores() {
    const db = await migratedDatabase(id);
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

    const all = (await decisionLog.list({})).items;
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
    expect(
      (await decisionLog.list({ decisionPoint: 'catalog' })).items,
    ).toHaveLength(1);
    expect(
      (await decisionLog.list({ actor: 'user:default/ben' })).items,
    ).toHaveLength(1);
    const first = await decisionLog.list({ limit: 1 });
    expect(first.items.map(d => d.decisionPoint)).toEqual(['deploy']);
    const next = await decisionLog.list({ limit: 1, before: first.nextCursor });
    expect(next.items.map(d => d.decisionPoint)).toEqual(['catalog']);
  });

  it('records each policy revision once, however often it is loaded', async () => {
    const { versions } = await stores();
    const version = {
      revision: 'rev1',
      loadedAt: '2026-11-28T10:00:00.000Z',
      rules: [],
    };
    await versions.recordLoaded(version);
    await versions.recordLoaded({
      ...version,
      loadedAt: '2026-11-28T12:00:00.000Z',
    });
    expect(await versions.list()).toEqual([version]);
  });
});
