import type { EntitySlos } from '@finops/plugin-health-common';
import {
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLO_WINDOW,
} from '@finops/plugin-health-common';
import { EmptyState } from '@backstage/core-components';
import { Flex, Grid, Text } from '@backstage/ui';
import { budgetText } from '../BudgetBar';
import { SloCard } from '../SloCard';
import { SourceStateNotice } from '../SourceStateNotice';
import { StatusChip } from '../StatusChip';

/**
 * The entity's SLOs, one card each, under their worst status and the
 * smallest budget left. When Prometheus does not answer the SLOs are still
 * listed (what they promise is known; how they fare is not), under the
 * notice that says why.
 */
export function SlosSection(props: { slos: EntitySlos }) {
  const { slos } = props;
  const notice = <SourceStateNotice source={slos.source} />;
  if (slos.slos.length === 0) {
    return (
      <>
        {notice}
        {slos.errors.length > 0 && (
          <Text variant="body-small" color="secondary">
            No SLO could be read from this entity&apos;s annotations: see the
            malformed annotations above.
          </Text>
        )}
        {slos.status === 'none' && slos.errors.length === 0 && (
          <EmptyState
            missing="field"
            title="No SLOs declared"
            description={`Declare them with the ${ANNOTATION_SLO_AVAILABILITY} (e.g. 99.9) and ${ANNOTATION_SLO_LATENCY} (e.g. "99% < 250ms") annotations, over a ${ANNOTATION_SLO_WINDOW} of 1d to 90d (28d by default). Error budgets and burn-rate alerts follow from them.`}
          />
        )}
      </>
    );
  }
  return (
    <Flex direction="column" gap="3">
      {notice}
      {slos.status !== 'none' && (
        <Flex align="center" gap="2" role="status" aria-label="SLO summary">
          <StatusChip status={slos.status} />
          <Text variant="body-small">
            Smallest error budget: {budgetText(slos.errorBudgetRemaining)}
          </Text>
        </Flex>
      )}
      <Grid.Root columns={{ initial: '1', lg: '2' }} gap="4">
        {slos.slos.map(slo => (
          <SloCard key={`${slo.kind}-${slo.title}`} slo={slo} />
        ))}
      </Grid.Root>
    </Flex>
  );
}
