import { useState } from 'react';
import type { DeployRequest } from '@finops/plugin-pipelines-common';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
  TextAreaField,
} from '@backstage/ui';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { pipelinesApiRef } from '../../api';
import { describeDeploy, describeTarget } from '../../deployText';
import { formatDateTime, userName } from '../../format';
import { DeployErrorAlert } from '../DeployErrorAlert';

export type ReviewDecision = 'approve' | 'reject';

/** What is being reviewed. */
export interface Review {
  request: DeployRequest;
  decision: ReviewDecision;
}

interface Props {
  onClose: () => void;
  onReviewed: (request: DeployRequest) => void;
}

function ReviewForm(props: Props & Review) {
  const { request, decision, onClose, onReviewed } = props;
  const api = useApi(pipelinesApiRef);
  const [comment, setComment] = useState('');
  // A rejection says why; the error shows once the user tries to send.
  const [attempted, setAttempted] = useState(false);
  const missingReason = decision === 'reject' && comment.trim() === '';

  const [review, send] = useAsyncFn(async () => {
    const note = comment.trim() || undefined;
    const reviewed =
      decision === 'approve'
        ? await api.approveDeployRequest(request.id, note)
        : await api.rejectDeployRequest(request.id, note);
    onReviewed(reviewed);
    return reviewed;
  }, [api, request.id, decision, comment, onReviewed]);

  const submit = () => {
    setAttempted(true);
    if (!missingReason) {
      send();
    }
  };
  const authors = request.commitAuthors.map(userName).join(', ');

  return (
    <>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Text>
            Requested by {userName(request.requestedBy)} on{' '}
            {formatDateTime(request.requestedAt)}.
          </Text>
          <Text variant="body-small" color="secondary">
            Change authored by {authors || 'unknown authors'}
            {request.target
              ? `; runs with ${describeTarget(request.target)}`
              : ''}
            .
          </Text>
          {decision === 'approve' && (
            <Text variant="body-small">
              Approving dispatches it at once. The deploy policy refuses an
              approval by the requester or by an author of the change.
            </Text>
          )}
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
          {review.error && (
            <DeployErrorAlert
              error={review.error}
              action={`${decision} this request`}
            />
          )}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        <Button
          destructive={decision === 'reject'}
          isPending={review.loading}
          onPress={submit}
        >
          {decision === 'approve' ? 'Approve' : 'Reject'}
        </Button>
      </DialogFooter>
    </>
  );
}

/**
 * Approves (optionally with a comment) or rejects (with a reason) a
 * pending deploy request. The backend has the last word on who may
 * approve; its refusal is shown in its own words. Open while `review` is
 * set.
 */
export function ReviewDeployRequestDialog(props: Props & { review?: Review }) {
  const { review, onClose } = props;
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
            {describeDeploy(review.request)}
          </DialogHeader>
          <ReviewForm
            key={`${review.request.id}:${review.decision}`}
            {...props}
            {...review}
          />
        </>
      )}
    </Dialog>
  );
}
