import type { EntityHealth } from '@finops/plugin-health-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import {
  EntityInfoCard,
  useEntity,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import { toneColor } from '@finops/ui';
import { plural } from '../../format';
import { useEntityHealthSummary } from '../../hooks';
import { BudgetBar } from '../BudgetBar';
import { ErrorNotice } from '../ErrorNotice';
import { StatusChip } from '../StatusChip';

/** "2 firing alerts, 1 critical", or why the count is not known. */
function alertsText(health: EntityHealth): string {
  if (health.firingAlerts === null) {
    return 'Alerts unknown: Alertmanager did not answer';
  }
  if (health.firingAlerts === 0) {
    return 'No alerts firing';
  }
  const firing = `${plural(health.firingAlerts, 'firing alert')}`;
  return health.criticalAlerts
    ? `${firing}, ${health.criticalAlerts} critical`
    : firing;
}

function CardContent(props: { health: EntityHealth }) {
  const { health } = props;
  return (
    <Flex direction="column" gap="3">
      <Flex align="center" gap="2" role="status" aria-label="Health status">
        <StatusChip status={health.status} />
      </Flex>
      {health.reasons.length > 0 && (
        <ul
          aria-label="Why"
          style={{ margin: 0, paddingLeft: 'var(--bui-space-5)' }}
        >
          {health.reasons.map(reason => (
            <li key={reason}>
              <Text variant="body-small">{reason}</Text>
            </li>
          ))}
        </ul>
      )}
      {health.sloStatus === 'none' ? (
        <Text variant="body-small" color="secondary">
          No SLOs declared, so no error budget.
        </Text>
      ) : (
        <BudgetBar
          remaining={health.errorBudgetRemaining}
          status={health.sloStatus}
        />
      )}
      <Text
        variant="body-small"
        weight="bold"
        style={health.firingAlerts ? { color: toneColor.danger } : undefined}
      >
        {alertsText(health)}
      </Text>
    </Flex>
  );
}

/** The entity's health at a glance, on its overview: one status and why. */
export function EntityHealthCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useEntityHealthSummary(entityRef);
  const entityPath = useEntityRefLink()(entity);

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <ErrorNotice
        title="Could not load health"
        error={error}
        onRetry={retry}
      />
    );
  } else if (value) {
    content = <CardContent health={value} />;
  }

  return (
    <EntityInfoCard
      title="Health"
      footerActions={
        <Link href={`${entityPath}/health`}>Signals, SLOs and alerts</Link>
      }
    >
      {content}
    </EntityInfoCard>
  );
}
