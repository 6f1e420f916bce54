import { useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex } from '@backstage/ui';
import type { SignalRange } from '../../api';
import {
  useEntityAlerts,
  useEntityDashboards,
  useEntitySignals,
  useEntitySlos,
} from '../../hooks';
import { DEFAULT_RANGE } from '../../ranges';
import { AlertsSection } from '../AlertsSection';
import { DeclarationErrors } from '../DeclarationErrors';
import { GrafanaSection } from '../GrafanaSection';
import { HealthSection } from '../HealthSection';
import { SignalsSection } from '../SignalsSection';
import { SlosSection } from '../SlosSection';
import { TimeRangePicker } from '../TimeRangePicker';

/**
 * The entity's Health tab: golden signals over a range, SLOs with their
 * error budgets and burn rates, alerts and silences, and Grafana. Each
 * section asks its own source and degrades on its own, so Prometheus being
 * down never hides the alerts; malformed health annotations, whichever
 * answer reported them, are listed once at the top.
 */
export function EntityHealthContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [range, setRange] = useState<SignalRange>(DEFAULT_RANGE);
  const signals = useEntitySignals(entityRef, range);
  const slos = useEntitySlos(entityRef);
  const alerts = useEntityAlerts(entityRef);
  const dashboards = useEntityDashboards(entityRef);

  const errors = [
    ...(signals.value?.signals.errors ?? []),
    ...(slos.value?.errors ?? []),
    ...(alerts.value?.errors ?? []),
    ...(dashboards.value?.errors ?? []),
  ];

  return (
    <Flex direction="column" gap="6">
      <DeclarationErrors errors={errors} />
      <HealthSection
        title="Golden signals"
        actions={<TimeRangePicker range={range} onChange={setRange} />}
        state={signals}
        errorTitle="Could not load the golden signals"
      >
        {value => (
          <SignalsSection signals={value.signals} range={value.range} />
        )}
      </HealthSection>
      <HealthSection
        title="Service level objectives"
        state={slos}
        errorTitle="Could not load the SLOs"
      >
        {value => <SlosSection slos={value} />}
      </HealthSection>
      <HealthSection
        title="Alerts"
        state={alerts}
        errorTitle="Could not load the alerts"
      >
        {value => <AlertsSection alerts={value} />}
      </HealthSection>
      <HealthSection
        title="Grafana"
        state={dashboards}
        errorTitle="Could not load the Grafana dashboards"
      >
        {value => <GrafanaSection grafana={value} />}
      </HealthSection>
    </Flex>
  );
}
