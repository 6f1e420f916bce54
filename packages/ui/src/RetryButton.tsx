import { Button } from '@backstage/ui';

/** The "Try again" an alert offers when trying again may help. */
export function RetryButton(props: { onRetry: () => void }) {
  return (
    <Button size="small" variant="secondary" onPress={props.onRetry}>
      Try again
    </Button>
  );
}
