import { Alert } from '@backstage/ui';
import {
  errorMessage,
  errorMessageWith,
  isForbidden,
  isUnavailable,
} from '../errorMessage';
import { RetryButton } from '../RetryButton';

/**
 * A failed load, said in the server's words, with a way to try again.
 * Background UI's Alert stands in for core-components' ResponseErrorPanel,
 * whose stack-trace details are for developers rather than users.
 *
 * A page whose refusals and outages mean something particular says so with
 * `forbidden` (which permission is missing: trying again would not help, so
 * no retry is offered) and `unavailable` (a service it depends on is not
 * answering: its `note` follows the server's words).
 */
export function LoadErrorAlert(props: {
  title: string;
  error: unknown;
  onRetry?: () => void;
  forbidden?: { title: string; description: string };
  unavailable?: { title: string; note: string };
}) {
  const { title, error, onRetry, forbidden, unavailable } = props;
  if (forbidden && isForbidden(error)) {
    return (
      <Alert
        status="warning"
        icon
        title={forbidden.title}
        description={forbidden.description}
      />
    );
  }
  const retry = onRetry && <RetryButton onRetry={onRetry} />;
  if (unavailable && isUnavailable(error)) {
    return (
      <Alert
        status="warning"
        icon
        title={unavailable.title}
        description={errorMessageWith(error, unavailable.note)}
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
