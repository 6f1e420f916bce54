import { entityHealth } from '../../__testUtils__/fixtures';
import { sortRows, WORST_FIRST } from './sortRows';

const rows = [
  entityHealth({
    entityRef: 'component:default/ledger',
    title: 'Ledger',
    status: 'ok',
    errorBudgetRemaining: 0.8,
    firingAlerts: 0,
  }),
  entityHealth({
    entityRef: 'component:default/refunds',
    title: null,
    status: 'unknown',
    errorBudgetRemaining: null,
    firingAlerts: null,
    criticalAlerts: null,
  }),
  entityHealth({
    entityRef: 'component:default/checkout',
    title: 'Checkout',
    status: 'breached',
    errorBudgetRemaining: -0.2,
    firingAlerts: 3,
    criticalAlerts: 1,
  }),
  entityHealth({
    entityRef: 'component:default/payouts',
    title: 'Payouts',
    status: 'warning',
    errorBudgetRemaining: 0.1,
    firingAlerts: 1,
  }),
];

const names = (sorted: typeof rows) => sorted.map(r => r.title ?? r.entityRef);

describe('sortRows', () => {
  it('puts the worst first by default', () => {
    expect(names(sortRows(rows, WORST_FIRST))).toEqual([
      'Checkout',
      'Payouts',
      'component:default/refunds',
      'Ledger',
    ]);
  });

  it('sorts by budget either way, unknown budgets last', () => {
    expect(
      names(sortRows(rows, { column: 'budget', direction: 'ascending' })),
    ).toEqual(['Checkout', 'Payouts', 'Ledger', 'component:default/refunds']);
    expect(
      names(sortRows(rows, { column: 'budget', direction: 'descending' })),
    ).toEqual(['Ledger', 'Payouts', 'Checkout', 'component:default/refunds']);
  });

  it('sorts by name, using the ref where there is no title', () => {
    expect(
      names(sortRows(rows, { column: 'entity', direction: 'ascending' })),
    ).toEqual(['Checkout', 'Ledger', 'Payouts', 'component:default/refunds']);
  });

  it('sorts by alerts, the most critical first when descending', () => {
    expect(
      names(sortRows(rows, { column: 'alerts', direction: 'descending' })),
    ).toEqual(['Checkout', 'Payouts', 'Ledger', 'component:default/refunds']);
  });
});
