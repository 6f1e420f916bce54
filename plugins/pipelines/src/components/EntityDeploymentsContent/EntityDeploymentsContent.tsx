import { useCallback, useState } from 'react';
import type { EnvironmentState } from '@finops/plugin-pipelines-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex } from '@backstage/ui';
import {
  type DeployPlan,
  promotionFrom,
  rollbackOf,
} from '../../deployActions';
import { deployActionsDisabledReason } from '../../deployText';
import {
  useDeployPermissions,
  useDeployRequests,
  useEnvironments,
  usePipelineUpdates,
} from '../../hooks';
import { DeployDialog } from '../DeployDialog';
import { DeployRequests } from '../DeployRequests';
import { EnvironmentColumn } from '../EnvironmentColumn';
import { EnvironmentDeployButtons } from '../EnvironmentDeployButtons';
import { ErrorNotice } from '../ErrorNotice';

/** Wide enough for a version, a status and a login on one line. */
const COLUMN_MIN_WIDTH = 260;

function Environments(props: {
  environments: EnvironmentState[];
  disabledReason?: string;
  onChoose: (plan: DeployPlan) => void;
}) {
  const { environments, disabledReason, onChoose } = props;
  return (
    <div
      role="group"
      aria-label="Environments"
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${environments.length}, minmax(${COLUMN_MIN_WIDTH}px, 1fr))`,
        gap: 'var(--bui-space-4)',
        overflowX: 'auto',
      }}
    >
      {environments.map((environment, index) => {
        const promotion = promotionFrom(environments, index);
        const rollback = rollbackOf(environment);
        return (
          <EnvironmentColumn
            key={environment.environment}
            environment={environment}
            actions={
              (promotion || rollback) && (
                <EnvironmentDeployButtons
                  environment={environment.environment}
                  promotion={promotion}
                  rollback={rollback}
                  disabledReason={disabledReason}
                  onChoose={onChoose}
                />
              )
            }
          />
        );
      })}
    </div>
  );
}

/**
 * The entity's Deployments tab: its environments side by side in the order
 * a change is promoted through them, each with what runs there, its
 * history and the promotion or roll-back it offers; below them the deploy
 * requests, with those waiting for approval.
 */
export function EntityDeploymentsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const environments = useEnvironments(entityRef);
  const requests = useDeployRequests(entityRef);
  const permissions = useDeployPermissions(entityRef);
  const [plan, setPlan] = useState<DeployPlan>();
  const { retry: retryEnvironments } = environments;
  const { retry: retryRequests } = requests;
  const refresh = useCallback(() => {
    retryEnvironments();
    retryRequests();
  }, [retryEnvironments, retryRequests]);
  usePipelineUpdates(entityRef, changes => {
    if (changes.includes('deployments')) retryEnvironments();
    if (changes.includes('requests')) retryRequests();
  });

  let environmentsView;
  if (environments.loading && !environments.value) {
    environmentsView = <Progress />;
  } else if (environments.error) {
    environmentsView = (
      <ErrorNotice
        title="Could not load deployments"
        error={environments.error}
        onRetry={retryEnvironments}
      />
    );
  } else if (!environments.value || environments.value.length === 0) {
    environmentsView = (
      <EmptyState
        missing="data"
        title="No deployments yet"
        description="The pipelines backend records deployments from GitHub deployment events and Argo CD for repositories annotated with github.com/project-slug. Environments appear here after the first one."
      />
    );
  } else {
    environmentsView = (
      <Environments
        environments={environments.value}
        disabledReason={deployActionsDisabledReason(permissions, 'deploy')}
        onChoose={setPlan}
      />
    );
  }

  return (
    <Flex direction="column" gap="6">
      {environmentsView}
      <DeployRequests
        requests={requests}
        reviewDisabledReason={deployActionsDisabledReason(
          permissions,
          'review',
        )}
        onReviewed={refresh}
      />
      <DeployDialog
        entityRef={entityRef}
        plan={plan}
        onClose={() => setPlan(undefined)}
        onRequested={refresh}
      />
    </Flex>
  );
}
