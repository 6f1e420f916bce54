import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { policyApiRef, type PolicyApi } from '../../api';
import {
  fakePolicyApi,
  responseError,
} from '../../__testUtils__/fakePolicyApi';
import {
  failingCompliance,
  paymentsEntity,
} from '../../__testUtils__/fixtures';
import { EntityComplianceCard } from './EntityComplianceCard';

function renderCard(api: PolicyApi) {
  return renderInTestApp(
    <EntityProvider entity={paymentsEntity}>
      <EntityComplianceCard />
    </EntityProvider>,
    {
      apis: [[policyApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('EntityComplianceCard', () => {
  it('shows a failing entity with counts, the worst violation first, and a link to the tab', async () => {
    const api = fakePolicyApi();
    renderCard(api);

    expect(await screen.findByText('Non-compliant')).toBeInTheDocument();
    expect(api.getEntityCompliance).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    });
    expect(screen.getByRole('listitem', { name: '1 critical' })).toBeVisible();
    const messages = screen
      .getAllByText(/Card data|No data classification|no owner/)
      .map(el => el.textContent);
    expect(messages).toEqual([
      'Card data is stored unencrypted',
      'No data classification annotation',
      'The component has no owner team',
    ]);
    expect(
      screen.getByRole('link', { name: 'Violations and exceptions' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/compliance',
    );
  });

  it('never shows an unevaluable entity as compliant', async () => {
    renderCard(
      fakePolicyApi({
        getEntityCompliance: async () =>
          failingCompliance({
            status: 'unknown',
            violations: [],
            reason: 'The OPA server did not answer',
          }),
      }),
    );

    expect(await screen.findByText('Unknown')).toBeInTheDocument();
    expect(
      screen.getByText('The OPA server did not answer'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Compliant')).not.toBeInTheDocument();
    expect(screen.queryByText(/meets every rule/)).not.toBeInTheDocument();
  });

  it('counts excepted rules as covered, not open', async () => {
    renderCard(
      fakePolicyApi({
        getEntityCompliance: async () =>
          failingCompliance({
            status: 'pass',
            violations: [],
            excepted: ['tls_required'],
          }),
      }),
    );

    expect(await screen.findByText('Compliant')).toBeInTheDocument();
    expect(
      screen.getByText('1 rule is covered by an approved exception.'),
    ).toBeInTheDocument();
  });

  it("shows the server's message when loading fails", async () => {
    const error = await responseError(500, 'Error', 'Database is read-only');
    renderCard(
      fakePolicyApi({
        getEntityCompliance: async () => {
          throw error;
        },
      }),
    );

    expect(
      await screen.findByText('Database is read-only'),
    ).toBeInTheDocument();
  });
});
