import type { EntityHealth } from '@finops/plugin-health-common';
import {
  compareBudgets,
  compareHealthWorstFirst,
  compareWorstFirst,
  type HealthState,
} from './status';

function health(
  entityRef: string,
  overrides: Partial<EntityHealth> = {},
): EntityHealth {
  return {
    entityRef,
    title: null,
    owner: null,
    system: null,
    status: 'ok',
    reasons: [],
    errorBudgetRemaining: 0.5,
    sloStatus: 'ok',
    firingAlerts: 0,
    criticalAlerts: 0,
    sources: [],
    ...overrides,
  };
}

describe('compareWorstFirst', () => {
  it('puts breached before warning before unknown before ok', () => {
    const states: HealthState[] = ['ok', 'unknown', 'breached', 'warning'];
    expect([...states].sort(compareWorstFirst)).toEqual([
      'breached',
      'warning',
      'unknown',
      'ok',
    ]);
  });
});

describe('compareBudgets', () => {
  it('puts the least budget first and unknown budgets last', () => {
    expect([0.4, null, -0.2, 0.9].sort(compareBudgets)).toEqual([
      -0.2,
      0.4,
      0.9,
      null,
    ]);
  });
});

describe('compareHealthWorstFirst', () => {
  it('breaks ties of status by budget, then alerts, then name', () => {
    const rows = [
      health('component:default/b'),
      health('component:default/a'),
      health('component:default/alerting', { criticalAlerts: 1 }),
      health('component:default/low-budget', { errorBudgetRemaining: 0.1 }),
      health('component:default/breached', { status: 'breached' }),
    ];

    expect(rows.sort(compareHealthWorstFirst).map(r => r.entityRef)).toEqual([
      'component:default/breached',
      'component:default/low-budget',
      'component:default/alerting',
      'component:default/a',
      'component:default/b',
    ]);
  });
});
