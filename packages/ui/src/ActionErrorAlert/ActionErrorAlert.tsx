import { Alert } from '@backstage/ui';
import {
  errorMessage,
  errorMessageWith,
  isForbidden,
  isUnavailable,
} from '../errorMessage';
import { RetryButton } from '../RetryButton';

/*
 * The backends answer an action with 403 when a policy (or a permission)
 * refuses it, the message naming the rule, and with 503 when something the
 * action depends on (a policy engine, GitHub, Vault) could not answer.
 * Actions fail closed, so a 503 is worth retrying and is no judgement on
 * the action; a refusal is, so it offers no retry.
 */

/** What a 503 adds to the server's words unless told otherwise. */
const NOTHING_DONE = 'Nothing was done: try again in a moment.';

/**
 * Why an action (a deploy, a review, a provisioning) did not happen, in the
 * server's words.
 */
export function ActionErrorAlert(props: {
  error: unknown;
  /** Completes "Could not …", e.g. "request this deploy". */
  action: string;
  /**
   * Said after the server's words when a service did not answer: what was
   * left as it was and what to do.
   */
  unavailableNote?: string;
  onRetry?: () => void;
}) {
  const { error, action, unavailableNote = NOTHING_DONE, onRetry } = props;
  const retry = onRetry && <RetryButton onRetry={onRetry} />;

  if (isForbidden(error)) {
    return (
      <Alert
        status="danger"
        icon
        title={`Not allowed to ${action}`}
        description={errorMessage(error)}
      />
    );
  }
  if (isUnavailable(error)) {
    return (
      <Alert
        status="warning"
        icon
        title={`Could not ${action} right now`}
        description={errorMessageWith(error, unavailableNote)}
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
