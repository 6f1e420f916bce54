import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEnvironments } from '../../hooks';
import { EnvironmentColumn } from '../EnvironmentColumn';
import { ErrorNotice } from '../ErrorNotice';

/** Wide enough for a version, a status and a login on one line. */
const COLUMN_MIN_WIDTH = 260;

/**
 * The entity's Deployments tab: its environments side by side in the order
 * a change is promoted through them, each with what runs there and its
 * history.
 */
export function EntityDeploymentsContent() {
  const { entity } = useEntity();
  const { value, loading, error, retry } = useEnvironments(
    stringifyEntityRef(entity),
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ErrorNotice
        title="Could not load deployments"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!value || value.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No deployments yet"
        description="The pipelines backend records deployments from GitHub deployment events and Argo CD for repositories annotated with github.com/project-slug. Environments appear here after the first one."
      />
    );
  }

  return (
    <div
      role="group"
      aria-label="Environments"
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${value.length}, minmax(${COLUMN_MIN_WIDTH}px, 1fr))`,
        gap: 'var(--bui-space-4)',
        overflowX: 'auto',
      }}
    >
      {value.map(environment => (
        <EnvironmentColumn
          key={environment.environment}
          environment={environment}
        />
      ))}
    </div>
  );
}
