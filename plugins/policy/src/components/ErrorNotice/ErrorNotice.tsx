import { Alert, Button } from '@backstage/ui';
import { errorMessage } from '../../api';

/**
 * A failed load, said in the server's words, with a way to try again.
 * Background UI's Alert stands in for core-components' ResponseErrorPanel,
 * whose stack-trace details are for developers rather than users.
 */
export function ErrorNotice(props: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const { title, error, onRetry } = props;
  return (
    <Alert
      status="danger"
      icon
      title={title}
      description={errorMessage(error)}
      customActions={
        onRetry && (
          <Button size="small" variant="secondary" onPress={onRetry}>
            Try again
          </Button>
        )
      }
    />
  );
}
