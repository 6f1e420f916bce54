import { useCallback, useState } from 'react';
import type { SecretRequest } from '@finops/plugin-secrets-common';
import { Progress } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import { useCurrentUserRef } from '../../hooks';
import { ErrorNotice } from '../ErrorNotice';
import {
  type Review,
  ReviewSecretRequestDialog,
} from '../ReviewSecretRequestDialog';
import { SecretRequestOutcome } from '../SecretRequestOutcome';
import { SecretRequestsTable } from '../SecretRequestsTable';

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
            <SecretRequestsTable
              requests={requests.value}
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
