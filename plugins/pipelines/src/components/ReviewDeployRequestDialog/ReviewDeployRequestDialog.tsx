import { useCallback } from 'react';
import type { DeployRequest } from '@finops/plugin-pipelines-common';
import { useApi } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import { type Review as RequestReview, ReviewRequestDialog } from '@finops/ui';
import { pipelinesApiRef } from '../../api';
import { describeDeploy, describeTarget } from '../../deployText';
import { formatDateTime, userName } from '../../format';

/** What is being reviewed. */
export type Review = RequestReview<DeployRequest>;

function requestFacts(review: Review) {
  const { request, decision } = review;
  const authors = request.commitAuthors.map(userName).join(', ');
  return (
    <>
      <Text>
        Requested by {userName(request.requestedBy)} on{' '}
        {formatDateTime(request.requestedAt)}.
      </Text>
      <Text variant="body-small" color="secondary">
        Change authored by {authors || 'unknown authors'}
        {request.target ? `; runs with ${describeTarget(request.target)}` : ''}.
      </Text>
      {decision === 'approve' && (
        <Text variant="body-small">
          Approving dispatches it at once. The deploy policy refuses an approval
          by the requester or by an author of the change.
        </Text>
      )}
    </>
  );
}

/**
 * Approves (optionally with a comment) or rejects (with a reason) a
 * pending deploy request. Open while `review` is set.
 */
export function ReviewDeployRequestDialog(props: {
  review?: Review;
  onClose: () => void;
  onReviewed: (request: DeployRequest) => void;
}) {
  const api = useApi(pipelinesApiRef);
  const submit = useCallback(
    ({ request, decision }: Review, note?: string) =>
      decision === 'approve'
        ? api.approveDeployRequest(request.id, note)
        : api.rejectDeployRequest(request.id, note),
    [api],
  );
  return (
    <ReviewRequestDialog
      {...props}
      describe={describeDeploy}
      renderDetails={requestFacts}
      submit={submit}
    />
  );
}
