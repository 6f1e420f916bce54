import { evaluateSlo, worseStatus } from './slo';

const ratios = (value: number | null) => ({
  '1h': value,
  '5m': value,
  '6h': value,
  '30m': value,
  '1d': value,
  '2h': value,
  '3d': value,
});

describe('evaluateSlo', () => {
  it('computes attainment, budget and burn rates from the bad share', () => {
    // 99.9% objective: a budget of 0.1% bad requests. 0.05% bad over the
    // window spends half of it; burning at 0.5× fires nothing.
    const slo = evaluateSlo({
      objective: 0.999,
      windowBadRatio: 0.0005,
      burnBadRatios: ratios(0.0005),
      warningBudgetRemaining: 0.25,
    });
    expect(slo.attainment).toBeCloseTo(0.9995, 10);
    expect(slo.errorBudget.total).toBeCloseTo(0.001, 10);
    expect(slo.errorBudget.consumed).toBeCloseTo(0.5, 10);
    expect(slo.errorBudget.remaining).toBeCloseTo(0.5, 10);
    expect(slo.burnRates.map(b => b.longRate)).toEqual(
      [0.5, 0.5, 0.5, 0.5].map(v => expect.closeTo(v, 10)),
    );
    expect(slo.status).toBe('ok');
    expect(slo.reason).toBe('50% of the error budget left');
  });

  it('fires a burn-rate alert only when both its windows burn too fast', () => {
    // Objective 99%: 20% bad in the last hour is a 20× burn, but the last
    // 5 minutes were clean: the page does not fire.
    const quiet = evaluateSlo({
      objective: 0.99,
      windowBadRatio: 0.001,
      burnBadRatios: { ...ratios(0.001), '1h': 0.2, '5m': 0 },
      warningBudgetRemaining: 0.25,
    });
    expect(quiet.burnRates[0]).toMatchObject({
      longRate: expect.closeTo(20, 10),
      shortRate: 0,
      firing: false,
    });
    expect(quiet.status).toBe('ok');
    const burning = evaluateSlo({
      objective: 0.99,
      windowBadRatio: 0.001,
      burnBadRatios: { ...ratios(0.001), '1h': 0.2, '5m': 0.3 },
      warningBudgetRemaining: 0.25,
    });
    expect(burning.burnRates[0].firing).toBe(true);
    expect(burning.status).toBe('warning');
    expect(burning.reason).toBe('burning the budget 20× over 1h (90% left)');
  });

  it('is breached when the budget is spent, and says by how much', () => {
    const slo = evaluateSlo({
      objective: 0.99,
      windowBadRatio: 0.015,
      burnBadRatios: ratios(0.015),
      warningBudgetRemaining: 0.25,
    });
    expect(slo.errorBudget.remaining).toBeCloseTo(-0.5, 10);
    expect(slo.status).toBe('breached');
    expect(slo.reason).toBe('the error budget is spent (-50% left)');
  });

  it('warns when little budget is left', () => {
    const slo = evaluateSlo({
      objective: 0.99,
      windowBadRatio: 0.008,
      burnBadRatios: ratios(0.008),
      warningBudgetRemaining: 0.25,
    });
    expect(slo.status).toBe('warning');
    expect(slo.reason).toBe('only 20% of the error budget left');
  });

  it('is unknown without requests in the window', () => {
    const slo = evaluateSlo({
      objective: 0.99,
      windowBadRatio: null,
      burnBadRatios: ratios(null),
      warningBudgetRemaining: 0.25,
    });
    expect(slo).toMatchObject({
      attainment: null,
      errorBudget: { consumed: null, remaining: null },
      status: 'unknown',
    });
    expect(slo.burnRates.every(b => !b.firing && b.longRate === null)).toBe(
      true,
    );
  });

  it('orders statuses breached > unknown > warning > ok', () => {
    expect(worseStatus('ok', 'warning')).toBe('warning');
    expect(worseStatus('unknown', 'warning')).toBe('unknown');
    expect(worseStatus('unknown', 'breached')).toBe('breached');
  });
});
