import { ResponseError } from '@backstage/errors';
import { Alert, Button } from '@backstage/ui';
import { errorMessage } from '../../api';

/*
 * The pipelines backend answers a deploy action with 403 when the deploy
 * policy (or a permission) refuses it, the message naming the rules, and
 * with 503 when the policy, the entity's compliance or GitHub could not
 * answer: deploys fail closed, so that is worth retrying and is no
 * judgement on the deploy.
 */
function statusOf(error: unknown): number | undefined {
  return ResponseError.is(error) ? error.statusCode : undefined;
}

/**
 * Why a deploy, a review or a re-run did not happen, in the server's words.
 * `action` completes "Could not …", e.g. "request this deploy".
 */
export function DeployErrorAlert(props: {
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
        )}. Nothing was done: try again in a moment.`}
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
