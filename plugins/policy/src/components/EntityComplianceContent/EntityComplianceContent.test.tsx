import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { policyApiRef, type PolicyApi } from '../../api';
import { fakePolicyApi } from '../../__testUtils__/fakePolicyApi';
import {
  exception,
  failingCompliance,
  paymentsEntity,
} from '../../__testUtils__/fixtures';
import { EntityComplianceContent } from './EntityComplianceContent';

function renderTab(api: PolicyApi) {
  renderInTestApp(
    <EntityProvider entity={paymentsEntity}>
      <EntityComplianceContent />
    </EntityProvider>,
    { apis: [[policyApiRef, api]] },
  );
}

describe('EntityComplianceContent', () => {
  it('shows the status, policy revision, violations and exceptions', async () => {
    renderTab(
      fakePolicyApi({
        getEntityCompliance: async () =>
          failingCompliance({
            excepted: ['tls_required'],
            exceptions: [
              exception({ rule: 'tls_required', status: 'approved' }),
            ],
          }),
      }),
    );

    expect(await screen.findByText('Non-compliant')).toBeInTheDocument();
    expect(screen.getByText('3 open violations')).toBeInTheDocument();
    expect(
      screen.getByText(/with policy revision 3b5d5c371295$/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Card data is stored unencrypted'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('SOC 2 CC6.1')).toHaveLength(2);
    expect(screen.getByText(/^Covered until/)).toBeInTheDocument();
    expect(screen.getByText('Approved')).toBeInTheDocument();
  });

  it('requests an exception for a violation and then lists it as pending', async () => {
    const api = fakePolicyApi();
    api.getEntityCompliance
      .mockResolvedValueOnce(failingCompliance())
      .mockResolvedValue(
        failingCompliance({
          exceptions: [
            exception({ rule: 'data_classification', status: 'pending' }),
          ],
        }),
      );
    renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Request exception for data_classification',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Justification/ }),
      'Classification workshop is scheduled',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Compensating control/ }),
      'Treated as restricted data until classified',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request exception' }),
    );

    expect(
      await within(dialog).findByText('Exception requested'),
    ).toBeInTheDocument();
    expect(api.requestException).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/payments-api',
        rule: 'data_classification',
      }),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    // Once in the violations table, once in the exceptions table.
    expect(await screen.findAllByText('Pending review')).toHaveLength(2);
    expect(
      screen.queryByRole('button', {
        name: 'Request exception for data_classification',
      }),
    ).not.toBeInTheDocument();
  });
});
