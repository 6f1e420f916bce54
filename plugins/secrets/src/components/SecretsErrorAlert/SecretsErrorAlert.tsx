import { ResponseError } from '@backstage/errors';
import { Alert, Button } from '@backstage/ui';
import { errorMessage } from '../../api';

/*
 * The secrets backend answers an action with 403 when the finops.secrets
 * policy (or a permission) refuses it, the message naming the rule; 409
 * when someone else got there first (a rotation, a review); and 503 when
 * Vault is sealed or does not answer: provisioning fails closed, so that
 * is worth retrying and is no judgement on the request.
 */
function statusOf(error: unknown): number | undefined {
  return ResponseError.is(error) ? error.statusCode : undefined;
}

/**
 * Why a provisioning, rotation or review did not happen, in the server's
 * words. `action` completes "Could not …", e.g. "provision these secrets".
 */
export function SecretsErrorAlert(props: {
  error: unknown;
  action: string;
  onRetry?: () => void;
}) {
  const { error, action, onRetry } = props;
  const status = statusOf(error);
  const retry = onRetry && (
    <Button size="small" variant="secondary" onPress={onRetry}>
      Try again
    </Button>
  );

  if (status === 403) {
    return (
      <Alert
        status="danger"
        icon
        title={`Not allowed to ${action}`}
        description={errorMessage(error)}
      />
    );
  }
  if (status === 503) {
    return (
      <Alert
        status="warning"
        icon
        title={`Could not ${action} right now`}
        description={`${errorMessage(error).replace(
          /\.$/,
          '',
        )}. Nothing was changed in Vault: try again in a moment.`}
        customActions={retry}
      />
    );
  }
  return (
    <Alert
      status="danger"
      icon
      title={`Could not ${action}`}
      description={errorMessage(error)}
      customActions={retry}
    />
  );
}
