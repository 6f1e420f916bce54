import type { ReactNode } from 'react';
import type { EntityDashboards } from '@finops/plugin-health-common';
import {
  ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR,
  ANNOTATION_GRAFANA_DASHBOARD_SELECTOR,
  ANNOTATION_GRAFANA_PANELS,
} from '@finops/plugin-health-common';
import { EmptyState } from '@backstage/core-components';
import { Flex, Grid, Text } from '@backstage/ui';
import { DashboardsTable } from '../DashboardsTable';
import { GrafanaAlertRulesTable } from '../GrafanaAlertRulesTable';
import { GrafanaPanel } from '../GrafanaPanel';
import { SourceStateNotice } from '../SourceStateNotice';

function Part(props: { title: string; children: ReactNode }) {
  return (
    <section aria-label={props.title}>
      <Flex direction="column" gap="2">
        <Text as="h3" variant="title-x-small">
          {props.title}
        </Text>
        {props.children}
      </Flex>
    </section>
  );
}

/**
 * What Grafana has for the entity: its dashboards (tagged for it), the
 * panels it embeds, and the alert rules whose labels match it. Grafana not
 * answering shows in their place; nothing found says which annotations
 * point Grafana at the entity.
 */
export function GrafanaSection(props: { grafana: EntityDashboards }) {
  const { grafana } = props;
  if (grafana.source.state !== 'ok') {
    return <SourceStateNotice source={grafana.source} />;
  }
  const { dashboards, panels, alertRules } = grafana;
  if (
    dashboards.length === 0 &&
    panels.length === 0 &&
    alertRules.length === 0
  ) {
    return (
      <EmptyState
        missing="data"
        title="No Grafana dashboards for this entity"
        description={`Tag its dashboards and name the tag in ${ANNOTATION_GRAFANA_DASHBOARD_SELECTOR}, list panels to embed as <dashboard uid>/<panel id> in ${ANNOTATION_GRAFANA_PANELS}, and select alert rules by label with ${ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR}.`}
      />
    );
  }
  return (
    <Flex direction="column" gap="4">
      {panels.length > 0 && (
        <Part title="Panels">
          <Grid.Root columns={{ initial: '1', md: '2' }} gap="4">
            {panels.map(panel => (
              <GrafanaPanel
                key={`${panel.dashboardUid}/${panel.panelId}`}
                panel={panel}
              />
            ))}
          </Grid.Root>
        </Part>
      )}
      <Part title="Dashboards">
        <DashboardsTable dashboards={dashboards} />
      </Part>
      <Part title="Alert rules">
        <GrafanaAlertRulesTable rules={alertRules} />
      </Part>
    </Flex>
  );
}
