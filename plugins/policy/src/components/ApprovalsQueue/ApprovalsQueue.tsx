import { useCallback, useState } from 'react';
import type { PolicyException } from '@finops/plugin-policy-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { Alert, Flex, Text } from '@backstage/ui';
import { LoadErrorAlert, useCurrentUserRef } from '@finops/ui';
import { usePendingExceptions } from '../../hooks';
import { PendingExceptionReview } from '../PendingExceptionReview';

/**
 * Exceptions waiting for a security approver. A reviewed one leaves the
 * queue at once; the backend decides who may review (never the requester).
 */
export function ApprovalsQueue() {
  const { value, loading, error, retry } = usePendingExceptions();
  const currentUserRef = useCurrentUserRef();
  const [reviewed, setReviewed] = useState<PolicyException[]>([]);
  const onReviewed = useCallback(
    (exception: PolicyException) =>
      setReviewed(current => [exception, ...current]),
    [],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorAlert
        title="Could not load the pending exceptions"
        error={error}
        onRetry={retry}
      />
    );
  }

  const pending = (value ?? []).filter(e => !reviewed.some(r => r.id === e.id));
  const last = reviewed[0];

  return (
    <Flex direction="column" gap="4">
      <Text color="secondary">
        Each exception needs a security approver other than the person who
        requested it.
      </Text>
      {last && (
        <Alert
          status="success"
          icon
          title={`${last.status === 'approved' ? 'Approved' : 'Rejected'} ${
            last.rule
          } on ${humanizeEntityRef(parseEntityRef(last.entityRef))}`}
        />
      )}
      {pending.length === 0 ? (
        <EmptyState
          missing="content"
          title="No exceptions are waiting for approval"
          description="Requests made from an entity's Compliance tab appear here."
        />
      ) : (
        pending.map(exception => (
          <PendingExceptionReview
            key={exception.id}
            exception={exception}
            currentUserRef={currentUserRef}
            onReviewed={onReviewed}
          />
        ))
      )}
    </Flex>
  );
}
