import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { policyApiRef, type PolicyApi } from '../../api';
import {
  fakePolicyApi,
  responseError,
} from '../../__testUtils__/fakePolicyApi';
import { exception } from '../../__testUtils__/fixtures';
import { PendingExceptionReview } from './PendingExceptionReview';

function renderReview(
  api: PolicyApi,
  options: { currentUserRef?: string; onReviewed?: jest.Mock } = {},
) {
  const onReviewed = options.onReviewed ?? jest.fn();
  renderInTestApp(
    <PendingExceptionReview
      exception={exception()}
      currentUserRef={options.currentUserRef ?? 'user:default/carol'}
      onReviewed={onReviewed}
    />,
    {
      apis: [[policyApiRef, api], mockApis.identity()],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return { onReviewed };
}

describe('PendingExceptionReview', () => {
  it('shows what is asked and why, with a link to the entity', async () => {
    renderReview(fakePolicyApi());

    expect(await screen.findByText('tls_required')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'component:payments-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(screen.getByText(/^alice,/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'Legacy load balancer terminates TLS until Q3 migration',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Traffic stays inside the private VPC with mTLS sidecars',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Expires 1 Sept 2026')).toBeInTheDocument();
  });

  it('rejects with the comment given', async () => {
    const api = fakePolicyApi();
    const { onReviewed } = renderReview(api);

    await userEvent.type(
      await screen.findByRole('textbox', { name: /Comment/ }),
      'Fix the load balancer instead',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));

    expect(api.rejectException).toHaveBeenCalledWith(
      exception().id,
      'Fix the load balancer instead',
    );
    expect(onReviewed).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'rejected' }),
    );
  });

  it("shows the server's refusal next to the buttons", async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'Only members of group:default/security-approvers may approve exceptions',
    );
    const { onReviewed } = renderReview(
      fakePolicyApi({
        approveException: async () => {
          throw error;
        },
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Approve' }),
    );

    expect(
      await screen.findByText(
        'Only members of group:default/security-approvers may approve exceptions',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The exception was not approved'),
    ).toBeInTheDocument();
    expect(onReviewed).not.toHaveBeenCalled();
  });

  it('does not offer a review of your own request', async () => {
    renderReview(fakePolicyApi(), { currentUserRef: 'user:default/alice' });

    expect(
      await screen.findByText(
        'You requested this exception: another approver must review it.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeDisabled();
  });
});
