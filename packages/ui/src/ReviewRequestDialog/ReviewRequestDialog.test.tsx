import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Review, ReviewableRequest } from '../requestReview';
import { pendingRequest } from '../__testUtils__/pendingRequest';
import { responseError } from '../testUtils';
import { ReviewRequestDialog } from './ReviewRequestDialog';

const request = pendingRequest;

function renderDialog(
  review: Review<ReviewableRequest>,
  submit: jest.Mock = jest.fn(async () => ({ ...request, status: 'done' })),
) {
  const onReviewed = jest.fn();
  const onClose = jest.fn();
  render(
    <ReviewRequestDialog
      review={review}
      describe={() => 'Open port 443'}
      renderDetails={r => <p>{`Details for ${r.decision}`}</p>}
      submit={submit}
      unavailableNote="Nothing was changed in the firewall."
      onClose={onClose}
      onReviewed={onReviewed}
    />,
  );
  return { submit, onReviewed, onClose };
}

describe('ReviewRequestDialog', () => {
  it('approves with an optional comment', async () => {
    const { submit, onReviewed } = renderDialog({
      request,
      decision: 'approve',
    });

    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Approve: Open port 443');
    expect(screen.getByText('Details for approve')).toBeInTheDocument();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Comment (optional)' }),
      '  Looks right  ',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));

    await waitFor(() =>
      expect(onReviewed).toHaveBeenCalledWith({ ...request, status: 'done' }),
    );
    expect(submit).toHaveBeenCalledWith(
      { request, decision: 'approve' },
      'Looks right',
    );
  });

  it('asks for a reason before rejecting', async () => {
    const { submit } = renderDialog({ request, decision: 'reject' });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Reject' }),
    );
    expect(
      await screen.findByText('Say why it is rejected.'),
    ).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();

    await userEvent.type(
      screen.getByRole('textbox', { name: /Reason/ }),
      'Not in a change window',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    await waitFor(() =>
      expect(submit).toHaveBeenCalledWith(
        { request, decision: 'reject' },
        'Not in a change window',
      ),
    );
  });

  it("shows a refusal in the server's words and stays open", async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'The firewall API did not answer',
    );
    const { onReviewed } = renderDialog(
      { request, decision: 'approve' },
      jest.fn(async () => {
        throw error;
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Approve' }),
    );

    expect(
      await screen.findByText('Could not approve this request right now'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'The firewall API did not answer. Nothing was changed in the firewall.',
      ),
    ).toBeInTheDocument();
    expect(onReviewed).not.toHaveBeenCalled();
  });

  it('closes on Cancel', async () => {
    const { onClose } = renderDialog({ request, decision: 'approve' });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Cancel' }),
    );

    expect(onClose).toHaveBeenCalled();
  });
});
