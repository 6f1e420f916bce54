import { healthReadPermission } from '@finops/plugin-health-common';
import { LoadErrorAlert } from '@finops/ui';

const READ_REFUSED = {
  title: 'Health is not open to you',
  description: `Seeing an entity's health needs the ${healthReadPermission.name} permission. Ask the platform team if your role should have it.`,
};

/**
 * A failed call to the health backend, said in the server's words, with a
 * way to try again; a refusal for want of the read permission says which
 * permission instead (trying again would not help). A source that is down
 * is not such a failure: the backend answers with its state, shown by
 * SourceStateNotice.
 */
export function ErrorNotice(props: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  return <LoadErrorAlert {...props} forbidden={READ_REFUSED} />;
}
