import type { PipelinesApi } from '../api';
import {
  deployCheck,
  deployRequest,
  deployment,
  doraMetrics,
  environment,
  run,
  runDetail,
} from './fixtures';

export { responseError } from '@finops/ui/testUtils';

/** A PipelinesApi whose every method is a jest mock with a sensible answer. */
export function fakePipelinesApi(
  overrides: Partial<PipelinesApi> = {},
): jest.Mocked<PipelinesApi> {
  return {
    listRuns: jest.fn(async () => ({ items: [run()] })),
    getRun: jest.fn(async () => runDetail()),
    listEnvironments: jest.fn(async () => [
      environment('production', [deployment()]),
    ]),
    getDoraMetrics: jest.fn(async () => doraMetrics()),
    checkDeploy: jest.fn(async () => deployCheck()),
    requestDeploy: jest.fn(async () =>
      deployRequest({ status: 'dispatched', message: 'Workflow dispatched' }),
    ),
    listDeployRequests: jest.fn(async () => []),
    approveDeployRequest: jest.fn(async () =>
      deployRequest({
        status: 'dispatched',
        reviewedBy: 'user:default/carol',
      }),
    ),
    rejectDeployRequest: jest.fn(async (_id: string, comment?: string) =>
      deployRequest({
        status: 'rejected',
        reviewedBy: 'user:default/carol',
        comment: comment ?? null,
      }),
    ),
    rerunRun: jest.fn(async () => deployCheck()),
    ...overrides,
  } as jest.Mocked<PipelinesApi>;
}
