import { useCallback } from 'react';
import type { SecretRequest } from '@finops/plugin-secrets-common';
import { useApi } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import { type Review as RequestReview, ReviewRequestDialog } from '@finops/ui';
import { secretsApiRef } from '../../api';
import { formatDateTime, userName } from '../../format';
import { describeRequest } from '../../requestText';
import { VAULT_UNCHANGED } from '../../vaultText';

/** What is being reviewed. */
export type Review = RequestReview<SecretRequest>;

function requestFacts(review: Review) {
  const { request, decision } = review;
  return (
    <>
      <Text>
        Requested by {userName(request.requestedBy)} on{' '}
        {formatDateTime(request.requestedAt)}, in Vault {request.instance}
        {request.authMethod ? `, workload login ${request.authMethod}` : ''}.
      </Text>
      {decision === 'approve' && (
        <Text variant="body-small">
          Approving applies it at once: values are generated in Vault and nobody
          sees them. The secrets policy decides again with you as approver, and
          refuses the requester.
        </Text>
      )}
    </>
  );
}

/**
 * Approves (optionally with a comment) or rejects (with a reason) a
 * pending secret request. Open while `review` is set.
 */
export function ReviewSecretRequestDialog(props: {
  review?: Review;
  onClose: () => void;
  onReviewed: (request: SecretRequest) => void;
}) {
  const api = useApi(secretsApiRef);
  const submit = useCallback(
    ({ request, decision }: Review, note?: string) =>
      decision === 'approve'
        ? api.approveRequest(request.id, note)
        : api.rejectRequest(request.id, note),
    [api],
  );
  return (
    <ReviewRequestDialog
      {...props}
      describe={describeRequest}
      renderDetails={requestFacts}
      submit={submit}
      unavailableNote={VAULT_UNCHANGED}
    />
  );
}
