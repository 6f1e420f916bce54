import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { healthApiRef, type HealthApi } from '../../api';
import {
  fakeHealthApi,
  responseError,
} from '../../__testUtils__/fakeHealthApi';
import {
  cardPaymentsEntity,
  cardPaymentsRef,
  entityHealth,
} from '../../__testUtils__/fixtures';
import { EntityHealthCard } from './EntityHealthCard';

function renderCard(api: HealthApi) {
  return renderInTestApp(
    <EntityProvider entity={cardPaymentsEntity}>
      <EntityHealthCard />
    </EntityProvider>,
    {
      apis: [[healthApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('EntityHealthCard', () => {
  it('shows one status, why, the budget left and a link to the Health tab', async () => {
    const api = fakeHealthApi();
    renderCard(api);

    expect(
      await screen.findByRole('status', { name: 'Health status' }),
    ).toHaveTextContent('OK');
    expect(api.getSummary).toHaveBeenCalledWith(cardPaymentsRef);
    expect(
      within(screen.getByRole('list', { name: 'Why' }))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['53% of the error budget is left', 'No alert is firing']);
    expect(screen.getByRole('meter', { name: 'Error budget' })).toHaveAttribute(
      'aria-valuetext',
      '53% left',
    );
    expect(screen.getByText('No alerts firing')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Signals, SLOs and alerts' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/card-payments/health',
    );
  });

  it('shows a breached entity with its overspent budget and firing alerts', async () => {
    renderCard(
      fakeHealthApi({
        getSummary: async () =>
          entityHealth({
            status: 'breached',
            sloStatus: 'breached',
            reasons: [
              'The availability SLO overspent its error budget',
              '3 alerts firing, 1 critical',
            ],
            errorBudgetRemaining: -0.35,
            firingAlerts: 3,
            criticalAlerts: 1,
          }),
      }),
    );

    const status = await screen.findByRole('status', { name: 'Health status' });
    expect(status).toHaveTextContent('Breached');
    expect(status).not.toHaveTextContent('OK');
    expect(
      screen.getByText('The availability SLO overspent its error budget'),
    ).toBeInTheDocument();
    expect(screen.getByText('-35%: overspent')).toBeInTheDocument();
    expect(screen.getByText('3 firing alerts, 1 critical')).toBeInTheDocument();
  });

  it('says what is not known rather than guessing', async () => {
    renderCard(
      fakeHealthApi({
        getSummary: async () =>
          entityHealth({
            status: 'unknown',
            sloStatus: 'none',
            reasons: ['Alertmanager main did not answer'],
            errorBudgetRemaining: null,
            firingAlerts: null,
            criticalAlerts: null,
          }),
      }),
    );

    expect(
      await screen.findByRole('status', { name: 'Health status' }),
    ).toHaveTextContent('Unknown');
    expect(
      screen.getByText('No SLOs declared, so no error budget.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Alerts unknown: Alertmanager did not answer'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
  });

  it("shows the server's message when the summary cannot be loaded", async () => {
    const error = await responseError(
      500,
      'Error',
      'Catalog did not answer for component:default/card-payments',
    );
    renderCard(
      fakeHealthApi({
        getSummary: async () => {
          throw error;
        },
      }),
    );

    expect(
      await screen.findByText('Could not load health'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Catalog did not answer for component:default/card-payments',
      ),
    ).toBeInTheDocument();
  });
});
