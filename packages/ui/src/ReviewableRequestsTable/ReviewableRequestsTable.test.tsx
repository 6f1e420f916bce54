import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { pendingRequest } from '../__testUtils__/pendingRequest';
import type { ReviewableRequest } from '../requestReview';
import { ReviewableRequestsTable } from './ReviewableRequestsTable';

interface ChangeRequest extends ReviewableRequest {
  change: string;
}

const pending: ChangeRequest = {
  ...pendingRequest,
  change: 'Open port 443',
};

const applied: ChangeRequest = {
  ...pending,
  id: 'r2',
  change: 'Close port 22',
  status: 'applied',
  reviewedBy: 'user:default/carol',
  reviewedAt: '2026-06-04T09:30:00Z',
  comment: 'Hotfix window',
  message: 'Firewall updated',
};

const OWN_REQUEST = 'You asked for this; someone else approves it';

function renderTable(
  options: {
    requests?: ChangeRequest[];
    signedInAs?: string;
    reviewDisabledReason?: string;
    showReviewedAt?: boolean;
  } = {},
) {
  const onReview = jest.fn();
  render(
    <ReviewableRequestsTable
      requests={options.requests ?? [pending, applied]}
      describe={r => r.change}
      detail={r => `#${r.id}`}
      renderStatus={r => <span>{`Status: ${r.status}`}</span>}
      showReviewedAt={options.showReviewedAt}
      ownRequestReason={OWN_REQUEST}
      emptyState={<p>Nothing asked yet.</p>}
      currentUserRef={options.signedInAs ?? 'user:default/carol'}
      reviewDisabledReason={options.reviewDisabledReason}
      onReview={onReview}
    />,
  );
  return { onReview };
}

const row = (name: string) =>
  screen.getByRole('row', { name: new RegExp(`^${name}`) });

describe('ReviewableRequestsTable', () => {
  it('lists requests with who asked, their status and what was answered', () => {
    renderTable();

    const done = row('Close port 22');
    expect(within(done).getByText('#r2')).toBeInTheDocument();
    expect(within(done).getByText('alice')).toBeInTheDocument();
    expect(within(done).getByText('Status: applied')).toBeInTheDocument();
    expect(within(done).getByText('carol')).toBeInTheDocument();
    expect(within(done).getByText('Hotfix window')).toBeInTheDocument();
    expect(within(done).getByText('Firewall updated')).toBeInTheDocument();
    expect(within(done).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when a request was reviewed if asked to', () => {
    renderTable({ showReviewedAt: true });

    expect(
      within(row('Close port 22')).getByText(
        /^4 Jun 2026, \d\d:30 · Hotfix window$/,
      ),
    ).toBeInTheDocument();
  });

  it('offers Approve and Reject on pending requests', async () => {
    const { onReview } = renderTable();

    const waiting = row('Open port 443');
    await userEvent.click(
      within(waiting).getByRole('button', { name: 'Approve: Open port 443' }),
    );
    expect(onReview).toHaveBeenLastCalledWith({
      request: pending,
      decision: 'approve',
    });
    await userEvent.click(
      within(waiting).getByRole('button', { name: 'Reject: Open port 443' }),
    );
    expect(onReview).toHaveBeenLastCalledWith({
      request: pending,
      decision: 'reject',
    });
  });

  it('does not offer to approve your own request, but lets you withdraw it', () => {
    renderTable({ signedInAs: 'User:default/Alice' });

    const waiting = row('Open port 443');
    expect(
      within(waiting).getByRole('button', { name: 'Approve: Open port 443' }),
    ).toBeDisabled();
    expect(
      within(waiting).getByRole('button', { name: 'Reject: Open port 443' }),
    ).toBeEnabled();
    expect(within(waiting).getByText(OWN_REQUEST)).toBeInTheDocument();
  });

  it('says why someone who may not review cannot', () => {
    renderTable({ reviewDisabledReason: 'Only the owners review these.' });

    const waiting = row('Open port 443');
    expect(
      within(waiting).getByRole('button', { name: 'Approve: Open port 443' }),
    ).toBeDisabled();
    expect(
      within(waiting).getByRole('button', { name: 'Reject: Open port 443' }),
    ).toBeDisabled();
    expect(
      within(waiting).getByText('Only the owners review these.'),
    ).toBeInTheDocument();
  });

  it('shows its empty state when nothing was asked', () => {
    renderTable({ requests: [] });

    expect(screen.getByText('Nothing asked yet.')).toBeInTheDocument();
  });
});
