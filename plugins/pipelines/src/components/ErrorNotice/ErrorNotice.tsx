import { pipelinesReadPermission } from '@finops/plugin-pipelines-common';
import { Alert, Button } from '@backstage/ui';
import { errorMessage, isForbidden } from '../../api';

/**
 * A failed load, said in the server's words, with a way to try again. A
 * refusal for want of the read permission says which permission, since
 * trying again would not help.
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
        title="Pipelines are not open to you"
        description={`Seeing runs, deployments and delivery metrics needs the ${pipelinesReadPermission.name} permission. Ask the platform team if your role should have it.`}
      />
    );
  }
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
