import { useMemo } from 'react';
import type { DoraMetrics } from '@finops/plugin-pipelines-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import { useDoraMetrics } from '../../hooks';
import { rootRouteRef } from '../../routes';
import { DoraMetricsSummary } from '../DoraMetricsSummary';
import { ErrorNotice } from '../ErrorNotice';
import { WeeklyDeploymentsChart } from '../WeeklyDeploymentsChart';

/** A month: recent enough to act on, long enough for a median. */
export const CARD_DAYS = 30;

function hasData(metrics: DoraMetrics): boolean {
  return (
    metrics.deploymentFrequency.deployments > 0 ||
    metrics.changeFailureRate.total > 0 ||
    metrics.leadTimeForChanges.samples > 0
  );
}

/** The entity's DORA metrics over the last month, on its overview. */
export function EntityDoraCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const scope = useMemo(() => ({ entityRef }), [entityRef]);
  const { value, loading, error, retry } = useDoraMetrics(scope, CARD_DAYS);
  const deliveryPage = useRouteRef(rootRouteRef);

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <ErrorNotice
        title="Could not load delivery metrics"
        error={error}
        onRetry={retry}
      />
    );
  } else if (value && !hasData(value)) {
    content = (
      <Text color="secondary">
        No production deployments in the last {CARD_DAYS} days. Metrics appear
        once this component deploys to production through GitHub or Argo CD.
      </Text>
    );
  } else if (value) {
    content = (
      <Flex direction="column" gap="4">
        <Text variant="body-small" color="secondary">
          Production, last {CARD_DAYS} days
        </Text>
        <DoraMetricsSummary metrics={value} />
        <WeeklyDeploymentsChart weekly={value.weekly} height={160} />
      </Flex>
    );
  }

  return (
    <EntityInfoCard
      title="Delivery performance"
      footerActions={
        deliveryPage && (
          <Link href={deliveryPage()}>Compare teams and systems</Link>
        )
      }
    >
      {content}
    </EntityInfoCard>
  );
}
