import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { policyApiRef, type PolicyApi } from '../../api';
import {
  fakePolicyApi,
  responseError,
} from '../../__testUtils__/fakePolicyApi';
import { exception } from '../../__testUtils__/fixtures';
import { ApprovalsQueue } from './ApprovalsQueue';

const tls = exception({ id: 'e1', rule: 'tls_required' });
const owner = exception({
  id: 'e2',
  rule: 'owner_required',
  requestedBy: 'user:default/carol',
});

function renderQueue(api: PolicyApi) {
  renderInTestApp(<ApprovalsQueue />, {
    apis: [
      [policyApiRef, api],
      mockApis.identity({ userEntityRef: 'user:default/carol' }),
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('ApprovalsQueue', () => {
  it('approves a pending exception, which then leaves the queue', async () => {
    const api = fakePolicyApi({
      listExceptions: jest.fn(async () => [tls, owner]),
    });
    renderQueue(api);

    const card = await screen.findByRole('region', {
      name: 'tls_required on component:payments-api',
    });
    await userEvent.click(
      within(card).getByRole('button', { name: 'Approve' }),
    );

    expect(api.listExceptions).toHaveBeenCalledWith({ status: 'pending' });
    expect(api.approveException).toHaveBeenCalledWith('e1', undefined);
    expect(
      await screen.findByText(
        'Approved tls_required on component:payments-api',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', {
        name: 'tls_required on component:payments-api',
      }),
    ).not.toBeInTheDocument();
  });

  it("keeps the signed-in user's own request but does not let them review it", async () => {
    renderQueue(
      fakePolicyApi({ listExceptions: jest.fn(async () => [tls, owner]) }),
    );

    const own = await screen.findByRole('region', {
      name: 'owner_required on component:payments-api',
    });
    expect(within(own).getByRole('button', { name: 'Approve' })).toBeDisabled();
  });

  it('shows a 409 from the server when the exception was already reviewed', async () => {
    const error = await responseError(
      409,
      'ConflictError',
      'Exception e1 is approved, not pending',
    );
    renderQueue(
      fakePolicyApi({
        listExceptions: jest.fn(async () => [tls]),
        rejectException: async () => {
          throw error;
        },
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Reject' }),
    );

    expect(
      await screen.findByText('Exception e1 is approved, not pending'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', {
        name: 'tls_required on component:payments-api',
      }),
    ).toBeInTheDocument();
  });

  it('says when nothing is waiting', async () => {
    renderQueue(fakePolicyApi({ listExceptions: jest.fn(async () => []) }));

    expect(
      await screen.findByText('No exceptions are waiting for approval'),
    ).toBeInTheDocument();
  });
});
