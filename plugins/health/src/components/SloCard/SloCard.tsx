import type { ReactNode } from 'react';
import type { Slo } from '@finops/plugin-health-common';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { formatPercent } from '../../format';
import { BudgetBar } from '../BudgetBar';
import { BurnRateTable } from '../BurnRateTable';
import { QueryDisclosure } from '../QueryDisclosure';
import { StatusChip } from '../StatusChip';

function Fact(props: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>
        <Text variant="body-x-small" color="secondary">
          {props.term}
        </Text>
      </dt>
      <dd style={{ margin: 0 }}>
        <Text weight="bold">{props.children}</Text>
      </dd>
    </div>
  );
}

/** "28 days", "1 day". */
const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/**
 * One SLO: what it promises, how well the window kept it, how much of its
 * error budget is left (below zero when overspent) and how fast it burns,
 * with the backend's reason for its status and the PromQL behind it.
 */
export function SloCard(props: { slo: Slo }) {
  const { slo } = props;
  return (
    <Card role="group" aria-label={slo.title}>
      <CardHeader>
        <Flex justify="between" align="center" gap="2">
          <Text as="h3" variant="title-x-small">
            {slo.title}
          </Text>
          <StatusChip status={slo.status} />
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          <Text variant="body-small">{slo.reason}</Text>
          <dl
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              gap: 'var(--bui-space-5)',
              margin: 0,
            }}
          >
            <Fact term="Objective">{formatPercent(slo.objective, 3)}</Fact>
            {slo.thresholdSeconds !== null && (
              <Fact term="Faster than">
                {`${Math.round(slo.thresholdSeconds * 1000)} ms`}
              </Fact>
            )}
            <Fact term="Window">{days(slo.windowDays)}</Fact>
            <Fact term="Attainment">
              {slo.attainment === null
                ? 'No data'
                : formatPercent(slo.attainment, 3)}
            </Fact>
          </dl>
          <BudgetBar
            remaining={slo.errorBudget.remaining}
            status={slo.status}
            label={`Error budget of ${slo.title}`}
          />
          <Text variant="body-x-small" color="secondary">
            The budget allows {formatPercent(slo.errorBudget.total, 3)} of
            requests to be bad over {days(slo.windowDays)}
            {slo.errorBudget.consumed !== null &&
              `; ${formatPercent(slo.errorBudget.consumed, 1)} of it is spent`}
            .
          </Text>
          <Text as="h4" variant="body-small" weight="bold">
            Burn-rate alerts
          </Text>
          <BurnRateTable burnRates={slo.burnRates} />
          <QueryDisclosure
            label={slo.title}
            queries={[
              { name: 'Good requests', query: slo.queries.good },
              { name: 'All requests', query: slo.queries.total },
            ]}
          />
        </Flex>
      </CardBody>
    </Card>
  );
}
