import { usePermission } from '@backstage/plugin-permission-react';
import {
  pipelinesDeployApprovePermission,
  pipelinesDeployPermission,
} from '@finops/plugin-pipelines-common';

/** What the signed-in user may do to an entity's deploys. */
export interface DeployPermissions {
  /** Ask to deploy, promote or roll back, or re-run failed jobs. */
  canDeploy: boolean;
  /** Approve or reject deploy requests. */
  canReview: boolean;
  /** Still asking; both `can…` are false meanwhile. */
  loading: boolean;
}

/**
 * Whether the signed-in user may deploy the entity and review its deploy
 * requests, asked once per tab so that its buttons can be disabled up front
 * instead of failing on click. Only a convenience: the backend checks the
 * same permissions on every request and has the last word.
 */
export function useDeployPermissions(entityRef: string): DeployPermissions {
  const deploy = usePermission({
    permission: pipelinesDeployPermission,
    resourceRef: entityRef,
  });
  const review = usePermission({
    permission: pipelinesDeployApprovePermission,
    resourceRef: entityRef,
  });
  return {
    canDeploy: deploy.allowed,
    canReview: review.allowed,
    loading: deploy.loading || review.loading,
  };
}
