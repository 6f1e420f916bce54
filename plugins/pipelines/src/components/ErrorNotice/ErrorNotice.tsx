import { pipelinesReadPermission } from '@finops/plugin-pipelines-common';
import { LoadErrorAlert } from '@finops/ui';

const READ_REFUSED = {
  title: 'Pipelines are not open to you',
  description: `Seeing runs, deployments and delivery metrics needs the ${pipelinesReadPermission.name} permission. Ask the platform team if your role should have it.`,
};

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
  return <LoadErrorAlert {...props} forbidden={READ_REFUSED} />;
}
