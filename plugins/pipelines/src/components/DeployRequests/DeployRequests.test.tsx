import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DeployRequest } from '@finops/plugin-pipelines-common';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { pipelinesApiRef, type PipelinesApi } from '../../api';
import {
  fakePipelinesApi,
  responseError,
} from '../../__testUtils__/fakePipelinesApi';
import { deployRequest } from '../../__testUtils__/fixtures';
import { DeployRequests } from './DeployRequests';

const pending = deployRequest();
const dispatched = deployRequest({
  id: '7b1e4c2a-0000-4000-8000-000000000001',
  action: 'rollback',
  environment: 'staging',
  version: 'v1.4.0',
  status: 'dispatched',
  reviewedBy: 'user:default/carol',
  comment: 'Hotfix window',
  message: 'Workflow run 9200 started',
});

function renderRequests(
  api: PipelinesApi,
  options: {
    signedInAs?: string;
    requests?: DeployRequest[];
    reviewDisabledReason?: string;
  } = {},
) {
  const onReviewed = jest.fn();
  renderInTestApp(
    <DeployRequests
      requests={{
        value: options.requests ?? [pending, dispatched],
        loading: false,
        retry: jest.fn(),
      }}
      reviewDisabledReason={options.reviewDisabledReason}
      onReviewed={onReviewed}
    />,
    {
      apis: [
        [pipelinesApiRef, api],
        mockApis.identity({
          userEntityRef: options.signedInAs ?? 'user:default/carol',
        }),
      ],
    },
  );
  return { onReviewed };
}

const row = (name: string) =>
  screen.getByRole('row', { name: new RegExp(`^${name}`) });

describe('DeployRequests', () => {
  it('lists requests with who asked, their status and what was answered', async () => {
    renderRequests(fakePipelinesApi());

    const done = await screen.findByRole('row', {
      name: /^Roll back staging to v1\.4\.0/,
    });
    expect(within(done).getByText('Dispatched')).toBeInTheDocument();
    expect(within(done).getByText('carol')).toBeInTheDocument();
    expect(within(done).getByText('Hotfix window')).toBeInTheDocument();
    expect(
      within(done).getByText('Workflow run 9200 started'),
    ).toBeInTheDocument();
    expect(within(done).queryByRole('button')).not.toBeInTheDocument();

    const waiting = row('Promote v1\\.5\\.0 to production');
    expect(within(waiting).getByText('Pending approval')).toBeInTheDocument();
    expect(within(waiting).getByText('alice')).toBeInTheDocument();
  });

  it('does not offer to approve your own request', async () => {
    renderRequests(fakePipelinesApi(), { signedInAs: 'user:default/alice' });

    const approve = await screen.findByRole('button', {
      name: 'Approve: Promote v1.5.0 to production',
    });
    await screen.findByText(
      'You asked for this deploy: someone other than you and its authors must approve it.',
    );
    expect(approve).toBeDisabled();
  });

  it('disables Approve and Reject, saying why, for who may not review', async () => {
    const api = fakePipelinesApi();
    // The requester may not review either: why is about reviewing, not
    // about their own request.
    renderRequests(api, {
      signedInAs: 'user:default/alice',
      reviewDisabledReason:
        'Only the owners of this entity review its deploys.',
    });

    const approve = await screen.findByRole('button', {
      name: 'Approve: Promote v1.5.0 to production',
    });
    const reject = screen.getByRole('button', {
      name: 'Reject: Promote v1.5.0 to production',
    });
    expect(approve).toBeDisabled();
    expect(reject).toBeDisabled();
    expect(reject.closest('[title]')).toHaveAttribute(
      'title',
      'Only the owners of this entity review its deploys.',
    );
    expect(
      within(row('Promote v1\\.5\\.0 to production')).getByText(
        'Only the owners of this entity review its deploys.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/^You asked for this deploy/),
    ).not.toBeInTheDocument();
    await userEvent.click(reject);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('approves with an optional comment and shows what happened', async () => {
    const api = fakePipelinesApi();
    const { onReviewed } = renderRequests(api);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Approve: Promote v1.5.0 to production',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(api.approveDeployRequest).toHaveBeenCalledWith(
      pending.id,
      undefined,
    );
    expect(
      await screen.findByText('Dispatched: Promote v1.5.0 to production'),
    ).toBeInTheDocument();
    expect(onReviewed).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'dispatched' }),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it("shows the backend's refusal when an author approves", async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'DEP-SOD-002: user:default/carol cannot approve a change they authored',
    );
    const { onReviewed } = renderRequests(
      fakePipelinesApi({
        approveDeployRequest: jest.fn(async () => {
          throw error;
        }),
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Approve: Promote v1.5.0 to production',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(
      await within(dialog).findByText('Not allowed to approve this request'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'DEP-SOD-002: user:default/carol cannot approve a change they authored',
      ),
    ).toBeInTheDocument();
    expect(onReviewed).not.toHaveBeenCalled();
  });

  it('rejects only with a reason', async () => {
    const api = fakePipelinesApi();
    renderRequests(api);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Reject: Promote v1.5.0 to production',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );

    expect(
      await within(dialog).findByText('Say why it is rejected.'),
    ).toBeInTheDocument();
    expect(api.rejectDeployRequest).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'Wait for the freeze to end',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );

    expect(api.rejectDeployRequest).toHaveBeenCalledWith(
      pending.id,
      'Wait for the freeze to end',
    );
    expect(
      await screen.findByText('Rejected: Promote v1.5.0 to production'),
    ).toBeInTheDocument();
  });
});
