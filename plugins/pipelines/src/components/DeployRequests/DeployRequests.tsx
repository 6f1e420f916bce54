import { useCallback, useState } from 'react';
import type { DeployRequest } from '@finops/plugin-pipelines-common';
import { Progress } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import { ReviewableRequestsTable, useCurrentUserRef } from '@finops/ui';
import { describeDeploy } from '../../deployText';
import { DeployRequestOutcome } from '../DeployRequestOutcome';
import { DeployRequestStatusPill } from '../DeployRequestStatusPill';
import { ErrorNotice } from '../ErrorNotice';
import {
  type Review,
  ReviewDeployRequestDialog,
} from '../ReviewDeployRequestDialog';

// An author's approval is refused by the backend too, which says why.
const OWN_REQUEST =
  'You asked for this deploy: someone other than you and its authors must approve it.';

function statusPill(request: DeployRequest) {
  return <DeployRequestStatusPill status={request.status} />;
}

/**
 * The Deployments tab's requests: what waits for approval and what was
 * decided lately, with Approve and Reject on pending ones (disabled, with
 * the reason, for who may not review) and the outcome of the last review
 * above the table.
 */
export function DeployRequests(props: {
  requests: {
    value?: DeployRequest[];
    loading: boolean;
    error?: unknown;
    retry: () => void;
  };
  /** Why the signed-in user may not review, if they may not (yet). */
  reviewDisabledReason?: string;
  onReviewed: (request: DeployRequest) => void;
}) {
  const { requests, reviewDisabledReason, onReviewed } = props;
  const currentUserRef = useCurrentUserRef();
  const [review, setReview] = useState<Review>();
  const [reviewed, setReviewed] = useState<DeployRequest>();
  const done = useCallback(
    (request: DeployRequest) => {
      setReview(undefined);
      setReviewed(request);
      onReviewed(request);
    },
    [onReviewed],
  );

  return (
    <section aria-label="Deploy requests">
      <Flex direction="column" gap="3">
        <Text as="h2" variant="title-small">
          Deploy requests
        </Text>
        {reviewed && <DeployRequestOutcome request={reviewed} />}
        {requests.loading && !requests.value && <Progress />}
        {requests.error ? (
          <ErrorNotice
            title="Could not load deploy requests"
            error={requests.error}
            onRetry={requests.retry}
          />
        ) : (
          requests.value && (
            <ReviewableRequestsTable
              requests={requests.value}
              describe={describeDeploy}
              renderStatus={statusPill}
              ownRequestReason={OWN_REQUEST}
              emptyState={<Text>No deploy requests yet.</Text>}
              currentUserRef={currentUserRef}
              reviewDisabledReason={reviewDisabledReason}
              onReview={setReview}
            />
          )
        )}
      </Flex>
      <ReviewDeployRequestDialog
        review={review}
        onClose={() => setReview(undefined)}
        onReviewed={done}
      />
    </section>
  );
}
