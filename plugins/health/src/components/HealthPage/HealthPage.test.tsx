import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { healthApiRef, type HealthApi } from '../../api';
import {
  fakeHealthApi,
  responseError,
} from '../../__testUtils__/fakeHealthApi';
import { entityHealth } from '../../__testUtils__/fixtures';
import { HealthPage } from './HealthPage';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'risk', namespace: 'default', title: 'Risk' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'ledger', namespace: 'default', title: 'Ledger' },
    spec: { owner: 'group:default/payments' },
  },
];

const rows = [
  entityHealth({
    entityRef: 'component:default/ledger-api',
    title: 'Ledger API',
    status: 'ok',
    reasons: ['All SLOs are met'],
    errorBudgetRemaining: 0.8,
  }),
  entityHealth({
    entityRef: 'component:default/refunds',
    title: null,
    status: 'unknown',
    reasons: ['Prometheus main did not answer'],
    errorBudgetRemaining: null,
    firingAlerts: null,
    criticalAlerts: null,
  }),
  entityHealth({
    entityRef: 'component:default/checkout',
    title: 'Checkout',
    status: 'breached',
    reasons: ['The availability SLO overspent its error budget'],
    errorBudgetRemaining: -0.2,
    firingAlerts: 3,
    criticalAlerts: 1,
  }),
  entityHealth({
    entityRef: 'component:default/payouts',
    title: 'Payouts',
    status: 'warning',
    reasons: ['A burn-rate ticket alert fires'],
    errorBudgetRemaining: 0.1,
    firingAlerts: 1,
  }),
];

function renderPage(
  api: HealthApi,
  ownershipEntityRefs = ['user:default/carol', 'group:default/risk'],
) {
  return renderInTestApp(<HealthPage />, {
    apis: [
      [healthApiRef, api],
      [catalogApiRef, catalogApiMock({ entities })],
      mockApis.identity({
        userEntityRef: 'user:default/carol',
        ownershipEntityRefs,
      }),
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

const entityColumn = () =>
  screen.getAllByRole('rowheader').map(cell => cell.textContent);

describe('HealthPage', () => {
  it("starts with the signed-in user's first team, worst first", async () => {
    const api = fakeHealthApi({
      listSummaries: jest.fn(async () => ({ items: rows, truncated: false })),
    });
    renderPage(api, [
      'user:default/carol',
      'group:default/unknown-to-the-catalog',
      'group:default/risk',
      'group:default/payments',
    ]);

    expect(
      await screen.findByRole('status', { name: 'Health summary' }),
    ).toHaveTextContent('4 components: 1 breached, 1 warning, 1 unknown, 1 OK');
    expect(api.listSummaries).toHaveBeenCalledWith({
      owner: 'group:default/risk',
    });
    expect(api.listSummaries).toHaveBeenCalledTimes(1);
    expect(entityColumn()).toEqual([
      'Checkout',
      'Payouts',
      'refunds',
      'Ledger API',
    ]);

    const checkout = within(
      screen.getByRole('rowheader', { name: 'Checkout' }).closest('tr')!,
    );
    expect(checkout.getByText('Breached')).toBeInTheDocument();
    expect(checkout.getByText('-20%: overspent')).toBeInTheDocument();
    expect(checkout.getByText('3 firing')).toBeInTheDocument();
    expect(checkout.getByText('1 critical')).toBeInTheDocument();
    expect(
      checkout.getByText('The availability SLO overspent its error budget'),
    ).toBeInTheDocument();
    expect(checkout.getByRole('link', { name: 'Checkout' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout',
    );
    const refunds = within(
      screen.getByRole('rowheader', { name: 'refunds' }).closest('tr')!,
    );
    expect(refunds.getAllByText('Unknown')).toHaveLength(3);
  });

  it('sorts by the column clicked, and back', async () => {
    const api = fakeHealthApi({
      listSummaries: jest.fn(async () => ({ items: rows, truncated: false })),
    });
    renderPage(api);
    await screen.findByRole('rowheader', { name: 'Checkout' });

    await userEvent.click(
      screen.getByRole('columnheader', { name: /Error budget/ }),
    );
    expect(entityColumn()).toEqual([
      'Checkout',
      'Payouts',
      'Ledger API',
      'refunds',
    ]);

    await userEvent.click(screen.getByRole('columnheader', { name: /Entity/ }));
    expect(entityColumn()).toEqual([
      'Checkout',
      'Ledger API',
      'Payouts',
      'refunds',
    ]);

    await userEvent.click(screen.getByRole('columnheader', { name: /Status/ }));
    await userEvent.click(screen.getByRole('columnheader', { name: /Status/ }));
    await waitFor(() =>
      expect(
        screen.getByRole('columnheader', { name: /Status/ }),
      ).toHaveAttribute('aria-sort', 'descending'),
    );
    expect(entityColumn()[0]).toBe('Checkout');
  });

  it('lists a system picked instead, and says when the list is cut short', async () => {
    const api = fakeHealthApi({
      listSummaries: jest.fn(async () => ({
        items: [rows[0]],
        truncated: true,
      })),
    });
    renderPage(api);
    await screen.findByRole('rowheader', { name: 'Ledger API' });

    await userEvent.click(
      screen.getByRole('button', { name: /Team or system/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Ledger' }),
    );

    await waitFor(() =>
      expect(api.listSummaries).toHaveBeenLastCalledWith({
        system: 'system:default/ledger',
      }),
    );
    expect(
      await screen.findByText('Showing the first 100 components'),
    ).toBeInTheDocument();
  });

  it('asks whose health to show when the user belongs to no team', async () => {
    const api = fakeHealthApi();
    renderPage(api, ['user:default/carol']);

    expect(await screen.findByText('Whose health?')).toBeInTheDocument();
    expect(api.listSummaries).not.toHaveBeenCalled();
  });

  it("shows the server's message when the list cannot be loaded", async () => {
    const error = await responseError(
      400,
      'InputError',
      'owner must be a group or user ref',
    );
    renderPage(
      fakeHealthApi({
        listSummaries: async () => {
          throw error;
        },
      }),
    );

    expect(
      await screen.findByText('Could not load the health of Risk'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('owner must be a group or user ref'),
    ).toBeInTheDocument();
  });
});
