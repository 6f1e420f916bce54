import type { EntitySignals } from '@finops/plugin-health-common';
import { EmptyState } from '@backstage/core-components';
import { Grid, Text } from '@backstage/ui';
import { ANNOTATION_PROMETHEUS_SELECTOR } from '@finops/plugin-health-common';
import type { SignalRange } from '../../api';
import { rangeText } from '../../ranges';
import { hasData, SIGNAL_PANELS } from '../../signals';
import { SignalChart } from '../SignalChart';
import { SourceStateNotice } from '../SourceStateNotice';

/**
 * The golden signals of the entity over the range picked: request rate,
 * error ratio, latency and saturation side by side. Prometheus not
 * answering shows in place of the charts; Prometheus having nothing for
 * the entity's selector says how to point it at the right series.
 */
export function SignalsSection(props: {
  signals: EntitySignals;
  range: SignalRange;
}) {
  const { signals, range } = props;
  if (signals.source.state !== 'ok') {
    return <SourceStateNotice source={signals.source} />;
  }
  if (!hasData(signals.signals)) {
    return (
      <EmptyState
        missing="data"
        title={`No data for ${signals.selector} in the last ${rangeText(
          range,
        )}`}
        description={`Prometheus has no series matching ${signals.selector}. If the service labels its metrics differently, name its labels in the ${ANNOTATION_PROMETHEUS_SELECTOR} annotation.`}
      />
    );
  }
  return (
    <>
      <Text variant="body-small" color="secondary">
        Series matching <code>{signals.selector}</code>
        {signals.source.instance && ` in Prometheus ${signals.source.instance}`}
      </Text>
      <Grid.Root columns={{ initial: '1', md: '2' }} gap="4">
        {SIGNAL_PANELS.map(panel => (
          <SignalChart
            key={panel.id}
            panel={panel}
            series={signals.signals.filter(s =>
              panel.signals.includes(s.signal),
            )}
            selector={signals.selector}
            range={range}
            window={signals.range}
          />
        ))}
      </Grid.Root>
    </>
  );
}
