import type { EntityCompliance } from '@finops/plugin-policy-common';
import { Progress } from '@backstage/core-components';
import {
  EntityInfoCard,
  useEntity,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import { LoadErrorAlert } from '@finops/ui';
import { formatDateTime, shortRevision } from '../../format';
import { useEntityCompliance } from '../../hooks';
import { sortViolations } from '../../severity';
import { ComplianceStatusChip } from '../ComplianceStatusChip';
import { ComplianceStatusNotice } from '../ComplianceStatusNotice';
import { SeverityChip } from '../SeverityChip';
import { SeverityCounts } from '../SeverityCounts';

/** Enough to see what matters most without scrolling the overview. */
const TOP_VIOLATIONS = 3;

function CardContent(props: { compliance: EntityCompliance }) {
  const { compliance } = props;
  const open = compliance.violations.filter(
    v => !compliance.excepted.includes(v.rule),
  );
  const top = sortViolations(open).slice(0, TOP_VIOLATIONS);
  const known = compliance.status === 'pass' || compliance.status === 'fail';

  return (
    <Flex direction="column" gap="3">
      <ComplianceStatusNotice compliance={compliance} />
      {known && open.length === 0 && (
        <Text>No open violations: this entity meets every rule.</Text>
      )}
      {known && open.length > 0 && (
        <>
          <SeverityCounts violations={open} />
          <Text variant="body-small" weight="bold">
            Top violations
          </Text>
          {top.map(violation => (
            <Flex key={violation.rule} gap="2" align="center">
              <SeverityChip severity={violation.severity} />
              <Text variant="body-small">{violation.message}</Text>
            </Flex>
          ))}
        </>
      )}
      {compliance.excepted.length > 0 && (
        <Text variant="body-small" color="secondary">
          {compliance.excepted.length === 1
            ? '1 rule is covered by an approved exception.'
            : `${compliance.excepted.length} rules are covered by approved exceptions.`}
        </Text>
      )}
      {compliance.evaluatedAt && (
        <Text variant="body-x-small" color="secondary">
          Evaluated {formatDateTime(compliance.evaluatedAt)}
          {compliance.revision &&
            ` · policy ${shortRevision(compliance.revision)}`}
        </Text>
      )}
    </Flex>
  );
}

/** The entity's compliance at a glance, on its overview. */
export function EntityComplianceCard() {
  const { entity } = useEntity();
  const { value, loading, error, retry } = useEntityCompliance(entity);
  const entityPath = useEntityRefLink()(entity);

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <LoadErrorAlert
        title="Could not load compliance"
        error={error}
        onRetry={retry}
      />
    );
  } else if (value) {
    content = <CardContent compliance={value} />;
  }

  return (
    <EntityInfoCard
      title="Compliance"
      headerActions={value && <ComplianceStatusChip status={value.status} />}
      footerActions={
        <Link href={`${entityPath}/compliance`}>Violations and exceptions</Link>
      }
    >
      {content}
    </EntityInfoCard>
  );
}
