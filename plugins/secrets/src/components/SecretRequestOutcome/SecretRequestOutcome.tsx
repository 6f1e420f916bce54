import type { SecretRequest } from '@finops/plugin-secrets-common';
import { Alert } from '@backstage/ui';
import { describeRequest } from '../../requestText';

/** Where a secret request ended up once reviewed. */
export function SecretRequestOutcome(props: { request: SecretRequest }) {
  const { request } = props;
  const what = describeRequest(request);
  switch (request.status) {
    case 'applied':
      return (
        <Alert
          status="success"
          icon
          title={`Applied: ${what}`}
          description={request.message ?? 'Vault holds the changes.'}
        />
      );
    case 'failed':
      return (
        <Alert
          status="danger"
          icon
          title={`Failed: ${what}`}
          description={`Approved, but Vault did not take it.${
            request.message ? ` It answered: ${request.message}` : ''
          }`}
        />
      );
    case 'rejected':
      return (
        <Alert
          status="info"
          icon
          title={`Rejected: ${what}`}
          description={request.comment ?? undefined}
        />
      );
    default:
      return <Alert status="info" icon title={`Pending approval: ${what}`} />;
  }
}
