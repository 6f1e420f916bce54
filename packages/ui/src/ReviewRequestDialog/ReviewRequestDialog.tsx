import { type ReactNode, useState } from 'react';
import {
  Dialog,
  DialogBody,
  DialogHeader,
  Flex,
  TextAreaField,
} from '@backstage/ui';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ActionErrorAlert } from '../ActionErrorAlert/ActionErrorAlert';
import { ConfirmDialogFooter } from '../ConfirmDialogFooter/ConfirmDialogFooter';
import type { Review, ReviewableRequest } from '../requestReview';

interface Props<TRequest extends ReviewableRequest> {
  /** Names the request in the dialog's title. */
  describe: (request: TRequest) => string;
  /** What the reviewer reads before deciding: who asked, what approving does. */
  renderDetails: (review: Review<TRequest>) => ReactNode;
  /** Sends the decision with the reviewer's note; resolves to the reviewed request. */
  submit: (review: Review<TRequest>, note?: string) => Promise<TRequest>;
  /** Passed to the error alert: what a service's silence left unchanged. */
  unavailableNote?: string;
  onClose: () => void;
  onReviewed: (request: TRequest) => void;
}

function ReviewForm<TRequest extends ReviewableRequest>(
  props: Props<TRequest> & { review: Review<TRequest> },
) {
  const { review, renderDetails, submit, unavailableNote } = props;
  const { onClose, onReviewed } = props;
  const { decision } = review;
  const [comment, setComment] = useState('');
  // A rejection says why; the error shows once the user tries to send.
  const [attempted, setAttempted] = useState(false);
  const missingReason = decision === 'reject' && comment.trim() === '';

  const [sending, send] = useAsyncFn(async () => {
    const reviewed = await submit(review, comment.trim() || undefined);
    onReviewed(reviewed);
    return reviewed;
  }, [submit, review, comment, onReviewed]);

  const confirm = () => {
    setAttempted(true);
    if (!missingReason) {
      send();
    }
  };

  return (
    <>
      <DialogBody>
        <Flex direction="column" gap="3">
          {renderDetails(review)}
          <TextAreaField
            label={decision === 'reject' ? 'Reason' : 'Comment (optional)'}
            isRequired={decision === 'reject'}
            rows={3}
            value={comment}
            onChange={setComment}
            validationBehavior="aria"
            validate={() =>
              attempted && missingReason ? 'Say why it is rejected.' : undefined
            }
          />
          {sending.error && !sending.loading && (
            <ActionErrorAlert
              error={sending.error}
              action={`${decision} this request`}
              unavailableNote={unavailableNote}
            />
          )}
        </Flex>
      </DialogBody>
      <ConfirmDialogFooter
        destructive={decision === 'reject'}
        isPending={sending.loading}
        onConfirm={confirm}
        onCancel={onClose}
      >
        {decision === 'approve' ? 'Approve' : 'Reject'}
      </ConfirmDialogFooter>
    </>
  );
}

/**
 * Approves (optionally with a comment) or rejects (with a reason) a
 * pending request. The backend has the last word on who may approve; its
 * refusal is shown in its own words. Open while `review` is set.
 */
export function ReviewRequestDialog<TRequest extends ReviewableRequest>(
  props: Props<TRequest> & { review?: Review<TRequest> },
) {
  const { review, describe, onClose } = props;
  return (
    <Dialog
      isOpen={Boolean(review)}
      onOpenChange={open => !open && onClose()}
      width={560}
    >
      {review && (
        <>
          <DialogHeader>
            {review.decision === 'approve' ? 'Approve' : 'Reject'}:{' '}
            {describe(review.request)}
          </DialogHeader>
          <ReviewForm
            key={`${review.request.id}:${review.decision}`}
            {...props}
            review={review}
          />
        </>
      )}
    </Dialog>
  );
}
