import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { policyApiRef, type PolicyApi } from '../../api';
import {
  fakePolicyApi,
  responseError,
} from '../../__testUtils__/fakePolicyApi';
import { decision } from '../../__testUtils__/fixtures';
import { DecisionLog } from './DecisionLog';

function renderLog(api: PolicyApi) {
  renderInTestApp(<DecisionLog />, { apis: [[policyApiRef, api]] });
}

describe('DecisionLog', () => {
  it('loads older pages with the cursor of the last one', async () => {
    const api = fakePolicyApi();
    api.listDecisions
      .mockResolvedValueOnce({
        items: [decision({ id: '101', subject: 'component:default/newest' })],
        nextCursor: '101',
      })
      .mockResolvedValueOnce({
        items: [decision({ id: '57', subject: 'component:default/older' })],
      });
    renderLog(api);

    expect(
      await screen.findByText('component:default/newest'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(
      await screen.findByText('component:default/older'),
    ).toBeInTheDocument();
    expect(screen.getByText('component:default/newest')).toBeInTheDocument();
    expect(api.listDecisions).toHaveBeenLastCalledWith({
      before: '101',
      limit: 50,
    });
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it('searches again with the filters', async () => {
    const api = fakePolicyApi();
    renderLog(api);
    await screen.findByText('No decisions match these filters.');

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Subject' }),
      'component:default/payments-api',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(api.listDecisions).toHaveBeenLastCalledWith(
      expect.objectContaining({
        subject: 'component:default/payments-api',
        limit: 50,
      }),
    );
  });

  it('explains a refusal for want of the read permission', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');
    renderLog(
      fakePolicyApi({
        listDecisions: async () => {
          throw error;
        },
      }),
    );

    expect(
      await screen.findByText('The decision log is not open to you'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/needs the policy.decision-log.read permission/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Search' }),
    ).not.toBeInTheDocument();
  });
});
