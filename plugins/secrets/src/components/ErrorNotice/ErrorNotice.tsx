import { ResponseError } from '@backstage/errors';
import { Alert, Button } from '@backstage/ui';
import { secretsMetadataReadPermission } from '@finops/plugin-secrets-common';
import { errorMessage, isForbidden } from '../../api';

function isUnavailable(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 503;
}

/**
 * A failed load, said in the server's words, with a way to try again. Two
 * failures get their own words: a refusal for want of the read permission
 * (trying again would not help), and Vault not answering or sealed (503),
 * which is Vault's state, not the tab's.
 */
export function ErrorNotice(props: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const { title, error, onRetry } = props;
  if (isForbidden(error)) {
    return (
      <Alert
        status="warning"
        icon
        title="Secrets are not open to you"
        description={`Seeing an entity's secret metadata needs the ${secretsMetadataReadPermission.name} permission: its owners have it. Ask the platform team if your role should.`}
      />
    );
  }
  const retry = onRetry && (
    <Button size="small" variant="secondary" onPress={onRetry}>
      Try again
    </Button>
  );
  if (isUnavailable(error)) {
    return (
      <Alert
        status="warning"
        icon
        title="Vault is unavailable"
        description={`${errorMessage(error).replace(
          /\.$/,
          '',
        )}. Secrets can be neither read nor provisioned until it answers; nothing was changed.`}
        customActions={retry}
      />
    );
  }
  return (
    <Alert
      status="danger"
      icon
      title={title}
      description={errorMessage(error)}
      customActions={retry}
    />
  );
}
