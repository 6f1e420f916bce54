import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { pipelinesApiRef, type PipelinesApi } from '../../api';
import {
  fakePipelinesApi,
  responseError,
} from '../../__testUtils__/fakePipelinesApi';
import {
  cardPaymentsEntity,
  cardPaymentsRef,
  deployment,
  environment,
} from '../../__testUtils__/fixtures';
import { EntityDeploymentsContent } from './EntityDeploymentsContent';

function renderTab(api: PipelinesApi) {
  return renderInTestApp(
    <EntityProvider entity={cardPaymentsEntity}>
      <EntityDeploymentsContent />
    </EntityProvider>,
    { apis: [[pipelinesApiRef, api]] },
  );
}

describe('EntityDeploymentsContent', () => {
  it('shows the environments in promotion order with what runs in each', async () => {
    const api = fakePipelinesApi({
      listEnvironments: jest.fn(async () => [
        environment('production', [deployment({ version: 'v1.4.0' })]),
        environment('dr-site', [
          deployment({ id: 'd-9', environment: 'dr-site', version: 'v1.2.0' }),
        ]),
        environment('staging', [
          deployment({ id: 'd-5', environment: 'staging', version: 'v1.5.0' }),
        ]),
        environment('dev', [
          deployment({
            id: 'd-7',
            environment: 'dev',
            version: 'main-9f8e7d6',
            approvedBy: null,
          }),
        ]),
      ]),
    });
    renderTab(api);

    const columns = within(
      await screen.findByRole('group', { name: 'Environments' }),
    ).getAllByRole('region');
    expect(api.listEnvironments).toHaveBeenCalledWith(cardPaymentsRef, {
      historyLimit: 10,
    });
    expect(columns.map(c => c.getAttribute('aria-label'))).toEqual([
      'dev',
      'staging',
      'production',
      'dr-site',
    ]);
    expect(
      within(columns[1]).getByLabelText('Current version'),
    ).toHaveTextContent('v1.5.0');
    expect(
      within(columns[0]).getByText('Triggered by alice, no approval recorded'),
    ).toBeInTheDocument();
  });

  it('explains where deployments come from when there are none', async () => {
    renderTab(fakePipelinesApi({ listEnvironments: async () => [] }));

    expect(await screen.findByText('No deployments yet')).toBeInTheDocument();
  });

  it("shows the server's message when loading fails", async () => {
    const error = await responseError(500, 'Error', 'Database is read-only');
    renderTab(
      fakePipelinesApi({
        listEnvironments: async () => {
          throw error;
        },
      }),
    );

    expect(
      await screen.findByText('Database is read-only'),
    ).toBeInTheDocument();
  });
});
