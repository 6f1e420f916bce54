import type { SecretMetadata } from '@finops/plugin-secrets-common';
import { StatusPill } from '@finops/ui';

/**
 * Whether a secret is due for rotation: Overdue once its values are older
 * than `maxAgeDays` (the backend decides, so the tab and the
 * finops.secrets advisory rule agree), OK before.
 */
export function RotationStatusPill(props: {
  secret: Pick<SecretMetadata, 'overdue'>;
  maxAgeDays: number;
}) {
  const { secret, maxAgeDays } = props;
  return (
    <span
      title={
        secret.overdue
          ? `Older than ${maxAgeDays} days: rotate it`
          : `Rotated within ${maxAgeDays} days`
      }
    >
      {secret.overdue ? (
        <StatusPill tone="danger">Overdue</StatusPill>
      ) : (
        <StatusPill tone="success">OK</StatusPill>
      )}
    </span>
  );
}
