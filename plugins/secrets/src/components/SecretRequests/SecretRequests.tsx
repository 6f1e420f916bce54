import { useCallback, useState } from 'react';
import type { SecretRequest } from '@finops/plugin-secrets-common';
import { Progress } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import { ReviewableRequestsTable, useCurrentUserRef } from '@finops/ui';
import { describeRequest } from '../../requestText';
import { ErrorNotice } from '../ErrorNotice';
import {
  type Review,
  ReviewSecretRequestDialog,
} from '../ReviewSecretRequestDialog';
import { SecretRequestOutcome } from '../SecretRequestOutcome';
import { SecretRequestStatusPill } from '../SecretRequestStatusPill';

/** Why the requester cannot approve: finops.secrets (SEC-SOD-001) says so. */
const OWN_REQUEST = 'You asked for this; another owner approves it';

/** "database: password, username; api-keys: token": the keys asked for. */
function secretKeys(request: SecretRequest): string {
  return request.secrets
    .filter(s => s.keys.length > 0)
    .map(s => `${s.name}: ${s.keys.join(', ')}`)
    .join('; ');
}

function statusPill(request: SecretRequest) {
  return <SecretRequestStatusPill status={request.status} />;
}

/**
 * The Secrets tab's requests: what waits for another owner's approval and
 * what was decided, with Approve and Reject on pending ones and the
 * outcome of the last review above the table.
 */
export function SecretRequests(props: {
  requests: {
    value?: SecretRequest[];
    loading: boolean;
    error?: unknown;
    retry: () => void;
  };
  /** Why the signed-in user may not review, if they may not (yet). */
  reviewDisabledReason?: string;
  onReviewed: (request: SecretRequest) => void;
}) {
  const { requests, reviewDisabledReason, onReviewed } = props;
  const currentUserRef = useCurrentUserRef();
  const [review, setReview] = useState<Review>();
  const [reviewed, setReviewed] = useState<SecretRequest>();
  const done = useCallback(
    (request: SecretRequest) => {
      setReview(undefined);
      setReviewed(request);
      onReviewed(request);
    },
    [onReviewed],
  );

  return (
    <section aria-label="Requests">
      <Flex direction="column" gap="3">
        <Text as="h2" variant="title-small">
          Requests
        </Text>
        {reviewed && <SecretRequestOutcome request={reviewed} />}
        {requests.loading && !requests.value && <Progress />}
        {requests.error ? (
          <ErrorNotice
            title="Could not load secret requests"
            error={requests.error}
            onRetry={requests.retry}
          />
        ) : (
          requests.value && (
            <ReviewableRequestsTable
              requests={requests.value}
              describe={describeRequest}
              detail={secretKeys}
              renderStatus={statusPill}
              showReviewedAt
              ownRequestReason={OWN_REQUEST}
              emptyState={
                <Text>
                  No requests: nothing this entity asked for needed another
                  owner&apos;s approval.
                </Text>
              }
              currentUserRef={currentUserRef}
              reviewDisabledReason={reviewDisabledReason}
              onReview={setReview}
            />
          )
        )}
      </Flex>
      <ReviewSecretRequestDialog
        review={review}
        onClose={() => setReview(undefined)}
        onReviewed={done}
      />
    </section>
  );
}
