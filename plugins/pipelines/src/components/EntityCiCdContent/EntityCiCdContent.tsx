import { useState } from 'react';
import type { WorkflowRun } from '@finops/plugin-pipelines-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Button, Flex } from '@backstage/ui';
import { deployActionsDisabledReason } from '../../deployText';
import {
  type RunFilters as Filters,
  useDeployPermissions,
  usePipelineUpdates,
  useWorkflowRuns,
} from '../../hooks';
import { ErrorNotice } from '../ErrorNotice';
import { RerunDialog } from '../RerunDialog';
import { RunDetailDrawer } from '../RunDetailDrawer';
import { RunFilters } from '../RunFilters';
import { RunsTable } from '../RunsTable';

const NO_FILTERS: Filters = {};

/**
 * The entity's CI/CD tab: its GitHub workflow runs, newest first, filtered
 * and paged, each opening to its jobs, steps and artifacts; failed ones
 * offer to re-run their failed jobs to those who may deploy the entity.
 */
export function EntityCiCdContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [opened, setOpened] = useState<WorkflowRun>();
  const [rerunning, setRerunning] = useState<WorkflowRun>();
  const runs = useWorkflowRuns(entityRef, filters);
  const permissions = useDeployPermissions(entityRef);
  usePipelineUpdates(entityRef, changes => {
    if (changes.includes('runs')) runs.retry();
  });
  const filtered = Object.values(filters).some(v => v !== undefined);

  if (runs.loading && runs.items.length === 0 && !filtered) {
    return <Progress />;
  }
  if (runs.error && !filtered) {
    return (
      <ErrorNotice
        title="Could not load workflow runs"
        error={runs.error}
        onRetry={runs.retry}
      />
    );
  }
  if (!runs.loading && runs.items.length === 0 && !filtered) {
    return (
      <EmptyState
        missing="data"
        title="No runs yet"
        description="No runs yet: the pipelines backend records GitHub workflow runs for repositories annotated with github.com/project-slug. Runs appear here as GitHub reports them."
      />
    );
  }

  return (
    <Flex direction="column" gap="4">
      <RunFilters onSearch={setFilters} />
      {runs.error ? (
        <ErrorNotice
          title="Could not load workflow runs"
          error={runs.error}
          onRetry={runs.retry}
        />
      ) : (
        <RunsTable
          runs={runs.items}
          loading={runs.loading}
          onOpen={setOpened}
          onRerun={setRerunning}
          rerunDisabledReason={deployActionsDisabledReason(
            permissions,
            'deploy',
          )}
        />
      )}
      {runs.loadMoreError && (
        <ErrorNotice
          title="Could not load older runs"
          error={runs.loadMoreError}
          onRetry={runs.loadMore}
        />
      )}
      {runs.hasMore && !runs.loading && (
        <Flex justify="center">
          <Button
            variant="secondary"
            isPending={runs.loadingMore}
            onPress={runs.loadMore}
          >
            Load more
          </Button>
        </Flex>
      )}
      <RunDetailDrawer run={opened} onClose={() => setOpened(undefined)} />
      <RerunDialog run={rerunning} onClose={() => setRerunning(undefined)} />
    </Flex>
  );
}
