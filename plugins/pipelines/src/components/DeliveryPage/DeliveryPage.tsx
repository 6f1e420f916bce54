import { useState } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import type { DoraScope } from '../../api';
import { formatDate } from '../../format';
import {
  type DeliveryScope,
  useDeliveryScopes,
  useDoraMetrics,
} from '../../hooks';
import { DeliveryFilters, type RangeDays } from '../DeliveryFilters';
import { DoraMetricsSummary } from '../DoraMetricsSummary';
import { ErrorNotice } from '../ErrorNotice';
import { WeeklyDeploymentsChart } from '../WeeklyDeploymentsChart';

function toDoraScope(scope: DeliveryScope | undefined): DoraScope | undefined {
  if (!scope) {
    return undefined;
  }
  return scope.kind === 'owner' ? { owner: scope.ref } : { system: scope.ref };
}

function Metrics(props: { scope: DeliveryScope; days: RangeDays }) {
  const { scope, days } = props;
  const { value, loading, error, retry } = useDoraMetrics(
    toDoraScope(scope),
    days,
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ErrorNotice
        title="Could not load delivery metrics"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!value) {
    return null;
  }
  if (value.deploymentFrequency.deployments === 0) {
    return (
      <EmptyState
        missing="data"
        title={`${scope.title} has not deployed to production in the last ${days} days`}
        description="Metrics count production deployments of the components it owns or contains, as GitHub and Argo CD report them."
      />
    );
  }
  return (
    <Flex direction="column" gap="4">
      <Card>
        <CardBody>
          <Flex direction="column" gap="4">
            <Text variant="body-small" color="secondary">
              {scope.title}, production, {formatDate(value.from)} to{' '}
              {formatDate(value.to)}
            </Text>
            <DoraMetricsSummary metrics={value} size="large" />
          </Flex>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <Text variant="title-x-small">Deployments and failures per week</Text>
        </CardHeader>
        <CardBody>
          <WeeklyDeploymentsChart weekly={value.weekly} height={320} />
        </CardBody>
      </Card>
      <Text variant="body-x-small" color="secondary">
        Ratings use the performance bands of DORA's 2023 Accelerate State of
        DevOps Report.
      </Text>
    </Flex>
  );
}

/**
 * The Delivery page: the DORA metrics of a team (over the components it
 * owns) or of a system, over a month to a year.
 */
export function DeliveryPage() {
  const scopes = useDeliveryScopes();
  const [scope, setScope] = useState<DeliveryScope>();
  const [days, setDays] = useState<RangeDays>(90);

  if (scopes.error) {
    return (
      <ErrorNotice
        title="Could not load teams and systems from the catalog"
        error={scopes.error}
        onRetry={scopes.retry}
      />
    );
  }

  return (
    <Flex direction="column" gap="5">
      <DeliveryFilters
        scopes={scopes.value ?? []}
        scope={scope}
        onScopeChange={setScope}
        days={days}
        onDaysChange={setDays}
      />
      {scopes.loading && <Progress />}
      {!scopes.loading && !scope && (
        <EmptyState
          missing="field"
          title="Whose delivery?"
          description="Pick a team to see the DORA metrics of the components it owns, or a system to see those of its components."
        />
      )}
      {scope && (
        <Metrics
          // A new scope or range starts a new question.
          key={`${scope.kind}|${scope.ref}|${days}`}
          scope={scope}
          days={days}
        />
      )}
    </Flex>
  );
}
