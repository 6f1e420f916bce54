import { useState } from 'react';
import type { SecretRequest } from '@finops/plugin-secrets-common';
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
import { secretsApiRef } from '../../api';
import { formatDateTime, userName } from '../../format';
import { describeRequest } from '../../requestText';
import { SecretsErrorAlert } from '../SecretsErrorAlert';

export type ReviewDecision = 'approve' | 'reject';

/** What is being reviewed. */
export interface Review {
  request: SecretRequest;
  decision: ReviewDecision;
}

interface Props {
  onClose: () => void;
  onReviewed: (request: SecretRequest) => void;
}

function ReviewForm(props: Props & Review) {
  const { request, decision, onClose, onReviewed } = props;
  const api = useApi(secretsApiRef);
  const [comment, setComment] = useState('');
  // A rejection says why; the error shows once the user tries to send.
  const [attempted, setAttempted] = useState(false);
  const missingReason = decision === 'reject' && comment.trim() === '';

  const [review, send] = useAsyncFn(async () => {
    const note = comment.trim() || undefined;
    const reviewed =
      decision === 'approve'
        ? await api.approveRequest(request.id, note)
        : await api.rejectRequest(request.id, note);
    onReviewed(reviewed);
    return reviewed;
  }, [api, request.id, decision, comment, onReviewed]);

  const submit = () => {
    setAttempted(true);
    if (!missingReason) {
      send();
    }
  };

  return (
    <>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Text>
            Requested by {userName(request.requestedBy)} on{' '}
            {formatDateTime(request.requestedAt)}, in Vault {request.instance}
            {request.authMethod ? `, workload login ${request.authMethod}` : ''}
            .
          </Text>
          {decision === 'approve' && (
            <Text variant="body-small">
              Approving applies it at once: values are generated in Vault and
              nobody sees them. The secrets policy decides again with you as
              approver, and refuses the requester.
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
          {review.error && !review.loading && (
            <SecretsErrorAlert
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
 * pending secret request. The backend has the last word on who may
 * approve; its refusal is shown in its own words. Open while `review` is
 * set.
 */
export function ReviewSecretRequestDialog(props: Props & { review?: Review }) {
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
            {describeRequest(review.request)}
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
