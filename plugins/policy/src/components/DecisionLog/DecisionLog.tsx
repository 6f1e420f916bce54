import { useState } from 'react';
import { policyDecisionLogReadPermission } from '@finops/plugin-policy-common';
import { EmptyState } from '@backstage/core-components';
import { Button, Flex } from '@backstage/ui';
import { LoadErrorAlert } from '@finops/ui';
import { isForbidden } from '../../api';
import { type DecisionLogFilters, useDecisionLog } from '../../hooks';
import { DecisionLogSearch } from '../DecisionLogSearch';
import { DecisionLogTable } from '../DecisionLogTable';

/**
 * Every decision the policy made: who asked, about what, and the answer.
 * Reading it is a permission of its own; without it the page says so.
 */
export function DecisionLog() {
  const [filters, setFilters] = useState<DecisionLogFilters>({});
  const log = useDecisionLog(filters);

  if (isForbidden(log.error)) {
    return (
      <EmptyState
        missing="info"
        title="The decision log is not open to you"
        description={`It records who asked the policy what, and the answer, so reading it needs the ${policyDecisionLogReadPermission.name} permission. Ask the platform team if your role should have it.`}
      />
    );
  }

  return (
    <Flex direction="column" gap="4">
      <DecisionLogSearch onSearch={setFilters} />
      {log.error ? (
        <LoadErrorAlert
          title="Could not load the decision log"
          error={log.error}
        />
      ) : (
        <DecisionLogTable decisions={log.items} loading={log.loading} />
      )}
      {log.loadMoreError && (
        <LoadErrorAlert
          title="Could not load older decisions"
          error={log.loadMoreError}
          onRetry={log.loadMore}
        />
      )}
      {log.hasMore && !log.loading && (
        <Flex justify="center">
          <Button
            variant="secondary"
            isPending={log.loadingMore}
            onPress={log.loadMore}
          >
            Load more
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
