import type { EntityCompliance } from '@finops/plugin-policy-common';
import { Alert } from '@backstage/ui';

/**
 * Says plainly when the entity's compliance is not known: the policy could
 * not be evaluated (which must never read as a pass), or the catalog has
 * not processed the entity yet. Nothing for pass and fail.
 */
export function ComplianceStatusNotice(props: {
  compliance: Pick<EntityCompliance, 'status' | 'reason'>;
}) {
  const { status, reason } = props.compliance;
  if (status === 'unknown') {
    return (
      <Alert
        status="warning"
        icon
        title="Compliance unknown: the policy could not be evaluated"
        description={
          reason ??
          'The policy engine gave no answer for this entity. Treat it as unchecked, not as compliant.'
        }
      />
    );
  }
  if (status === 'not-evaluated') {
    return (
      <Alert
        status="info"
        icon
        title="Not evaluated yet"
        description="The catalog has not checked this entity against the policy yet. Its result appears here after the next catalog refresh."
      />
    );
  }
  return null;
}
