import type { DeployRequest } from '@finops/plugin-pipelines-common';
import { Alert } from '@backstage/ui';
import { describeDeploy, describeTarget } from '../../deployText';

function said(message: string | null): string {
  return message ? ` It answered: ${message}` : '';
}

/**
 * Where a deploy request ended up once asked for or reviewed: handed to
 * GitHub or Argo CD, waiting for an approver, refused by them, or rejected.
 */
export function DeployRequestOutcome(props: { request: DeployRequest }) {
  const { request } = props;
  const what = describeDeploy(request);
  const runner = request.target
    ? describeTarget(request.target)
    : 'GitHub or Argo CD';

  switch (request.status) {
    case 'dispatched':
      return (
        <Alert
          status="success"
          icon
          title={`Dispatched: ${what}`}
          description={`Handed to ${runner}; the deployment shows in its environment once reported.${said(
            request.message,
          )}`}
        />
      );
    case 'pending':
      return (
        <Alert
          status="info"
          icon
          title={`Pending approval: ${what}`}
          description="Someone other than you and the change's authors must approve it under Deploy requests; it runs then."
        />
      );
    case 'failed':
      return (
        <Alert
          status="danger"
          icon
          title={`Failed: ${what}`}
          description={`${runner} did not accept it.${said(request.message)}`}
        />
      );
    default:
      return (
        <Alert
          status="info"
          icon
          title={`Rejected: ${what}`}
          description={request.comment ?? undefined}
        />
      );
  }
}
