import { useCallback, useState } from 'react';
import {
  type EntityCompliance,
  type PolicyViolation,
} from '@finops/plugin-policy-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { LoadErrorAlert } from '@finops/ui';
import { formatDateTime, shortRevision } from '../../format';
import { useEntityCompliance } from '../../hooks';
import { ComplianceStatusChip } from '../ComplianceStatusChip';
import { ComplianceStatusNotice } from '../ComplianceStatusNotice';
import { EntityExceptionsTable } from '../EntityExceptionsTable';
import { RequestExceptionDialog } from '../RequestExceptionDialog';
import { SeverityCounts } from '../SeverityCounts';
import { ViolationsTable } from '../ViolationsTable';

function EvaluationSummary(props: { compliance: EntityCompliance }) {
  const { compliance } = props;
  const open = compliance.violations.filter(
    v => !compliance.excepted.includes(v.rule),
  );
  return (
    <Flex justify="between" align="center" style={{ flexWrap: 'wrap' }} gap="4">
      <Flex direction="column" gap="2">
        <Flex gap="2" align="center">
          <ComplianceStatusChip status={compliance.status} />
          {compliance.status === 'fail' && (
            <Text>
              {open.length === 1
                ? '1 open violation'
                : `${open.length} open violations`}
            </Text>
          )}
        </Flex>
        <Text variant="body-small" color="secondary">
          {compliance.evaluatedAt
            ? `Evaluated ${formatDateTime(compliance.evaluatedAt)}`
            : 'Never evaluated'}
          {compliance.revision
            ? ` with policy revision ${shortRevision(compliance.revision)}`
            : ''}
        </Text>
      </Flex>
      {compliance.status === 'fail' && <SeverityCounts violations={open} />}
    </Flex>
  );
}

/**
 * The entity's Compliance tab: what the policy found, what is excepted,
 * and a way to ask for an exception to each open violation.
 */
export function EntityComplianceContent() {
  const { entity } = useEntity();
  const { value, loading, error, retry } = useEntityCompliance(entity);
  const [requesting, setRequesting] = useState<PolicyViolation>();
  const closeDialog = useCallback(() => setRequesting(undefined), []);

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorAlert
        title="Could not load this entity's compliance"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!value) {
    return null;
  }

  return (
    <Flex direction="column" gap="4">
      <Card>
        <CardBody>
          <EvaluationSummary compliance={value} />
        </CardBody>
      </Card>
      <ComplianceStatusNotice compliance={value} />
      <Card>
        <CardHeader>
          <Text variant="title-x-small">Violations</Text>
        </CardHeader>
        <CardBody>
          <ViolationsTable
            compliance={value}
            onRequestException={setRequesting}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <Text variant="title-x-small">Exceptions</Text>
        </CardHeader>
        <CardBody>
          <EntityExceptionsTable exceptions={value.exceptions} />
        </CardBody>
      </Card>
      <RequestExceptionDialog
        entityRef={stringifyEntityRef(entity)}
        violation={requesting}
        onClose={closeDialog}
        onRequested={retry}
      />
    </Flex>
  );
}
