import {
  migratedDatabase,
  storeDatabases,
} from '../__testUtils__/storeDatabase';
import { Severity } from '@finops/plugin-policy-common';
import { ViolationStore } from './ViolationStore';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const t0 = new Date('2026-11-01T09:00:00.000Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);

const violation = (rule: string, severity: Severity = 'high') => ({
  rule,
  severity,
  message: `${rule} fired`,
  remediation: 'Fix it.',
  frameworks: ['PCI-DSS 1.3', 'SOC 2 CC6.6'],
});

describe.each(storeDatabases.eachSupportedId())('ViolationStore on %p', id => {
  async function stores() {
    const db = await migratedDatabase(id);
    return {
      violations: ViolationStore.create(db),
    };
  }

  it('keeps violation history: opened, resolved, and the daily trend', async () => {
    const { violations } = await stores();
    const entity = {
      entityRef: 'component:default/card-payments',
      kind: 'Component',
      owner: 'group:default/payments-team',
      revision: 'rev1',
      excepted: [],
    };
    await violations.record({
      ...entity,
      evaluatedAt: at(0),
      violations: [
        violation('CAT-PCI-002'),
        violation('CAT-PCI-001', 'critical'),
      ],
    });
    // Re-evaluating with the same result changes nothing.
    await violations.record({
      ...entity,
      evaluatedAt: at(1),
      violations: [
        violation('CAT-PCI-002'),
        violation('CAT-PCI-001', 'critical'),
      ],
    });
    await violations.record({
      ...entity,
      evaluatedAt: at(2),
      violations: [violation('CAT-PCI-002')],
    });

    const current = await violations.get(entity.entityRef);
    expect(current.status).toBe('fail');
    expect(current.violations.map(v => v.rule)).toEqual(['CAT-PCI-002']);

    await violations.recordUnknown({
      ...entity,
      evaluatedAt: at(3),
      reason: 'OPA did not answer',
    });
    const unknown = await violations.get(entity.entityRef);
    expect(unknown.status).toBe('unknown');
    expect(unknown.violations.map(v => v.rule)).toEqual(['CAT-PCI-002']);

    const posture = await violations.posture({ days: 4, now: at(3) });
    expect(posture.trend.map(d => [d.day, d.violations, d.critical])).toEqual([
      ['2026-11-01', 2, 1],
      ['2026-11-02', 2, 1],
      ['2026-11-03', 1, 0],
      ['2026-11-04', 1, 0],
    ]);
    expect(posture.byFramework).toEqual([
      { framework: 'PCI-DSS', violations: 1, critical: 0, entities: 1 },
      { framework: 'SOC 2', violations: 1, critical: 0, entities: 1 },
    ]);
    expect(posture.byOwner).toEqual([
      {
        owner: 'group:default/payments-team',
        entities: 1,
        failing: 0,
        violations: 1,
      },
    ]);
    expect(await violations.retainOnly(new Set(), at(4))).toBe(1);
    expect((await violations.get(entity.entityRef)).status).toBe(
      'not-evaluated',
    );
    expect(
      (await violations.posture({ days: 1, now: at(4) })).trend[0].violations,
    ).toBe(0);
  });

  it('counts entities by status', async () => {
    const { violations } = await stores();
    await violations.recordUnknown({
      entityRef: 'component:default/card-payments',
      kind: 'Component',
      owner: null,
      evaluatedAt: at(0),
      reason: 'OPA did not answer',
    });
    const posture = await violations.posture({ days: 1, now: at(0) });
    expect(posture.entities).toEqual({
      total: 1,
      pass: 0,
      fail: 0,
      unknown: 1,
    });
  });
});
