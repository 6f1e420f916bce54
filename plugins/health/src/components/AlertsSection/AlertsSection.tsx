import type { EntityAlerts } from '@finops/plugin-health-common';
import { Flex, Text } from '@backstage/ui';
import { toneColor } from '@finops/ui';
import { alertCondition } from '../../alerts';
import { AlertsTable } from '../AlertsTable';
import { SilencesTable } from '../SilencesTable';
import { SourceStateNotice } from '../SourceStateNotice';

/** "2 firing, 1 silenced": what the table holds, at a glance. */
function AlertSummary(props: { alerts: EntityAlerts }) {
  const counts = new Map<string, number>();
  for (const alert of props.alerts.alerts) {
    const condition = alertCondition(alert);
    counts.set(condition, (counts.get(condition) ?? 0) + 1);
  }
  const firing = counts.get('firing') ?? 0;
  const parts = ['firing', 'pending', 'silenced', 'inhibited']
    .filter(c => c === 'firing' || counts.has(c))
    .map(c => `${counts.get(c) ?? 0} ${c}`);
  return (
    <Text
      role="status"
      aria-label="Alert summary"
      weight="bold"
      style={firing > 0 ? { color: toneColor.danger } : undefined}
    >
      {parts.join(', ')}
      <Text as="span" variant="body-small" color="secondary" weight="regular">
        {' '}
        for <code>{props.alerts.selector}</code>
      </Text>
    </Text>
  );
}

/**
 * The entity's alerts from Alertmanager and the silences that match it.
 * When Alertmanager is not configured or does not answer, only that is
 * said: an empty table would read as "nothing is firing".
 */
export function AlertsSection(props: { alerts: EntityAlerts }) {
  const { alerts } = props;
  if (alerts.source.state !== 'ok') {
    return <SourceStateNotice source={alerts.source} />;
  }
  return (
    <Flex direction="column" gap="3">
      <AlertSummary alerts={alerts} />
      <AlertsTable alerts={alerts.alerts} selector={alerts.selector} />
      <section aria-label="Silences">
        <Flex direction="column" gap="2">
          <Text as="h3" variant="title-x-small">
            Silences
          </Text>
          <SilencesTable silences={alerts.silences} />
        </Flex>
      </section>
    </Flex>
  );
}
