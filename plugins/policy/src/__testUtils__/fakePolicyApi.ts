import type { PolicyApi } from '../api';
import {
  currentVersion,
  exception,
  failingCompliance,
  posture,
} from './fixtures';

export { responseError } from '@finops/ui/testUtils';

/** A PolicyApi whose every method is a jest mock with a sensible answer. */
export function fakePolicyApi(
  overrides: Partial<PolicyApi> = {},
): jest.Mocked<PolicyApi> {
  return {
    getEntityCompliance: jest.fn(async () => failingCompliance()),
    listExceptions: jest.fn(async () => [exception()]),
    requestException: jest.fn(async request =>
      exception({ ...request, status: 'pending' }),
    ),
    approveException: jest.fn(async id =>
      exception({ id, status: 'approved' }),
    ),
    rejectException: jest.fn(async id => exception({ id, status: 'rejected' })),
    getPosture: jest.fn(async () => posture),
    listDecisions: jest.fn(async () => ({ items: [] })),
    getCurrentRules: jest.fn(async () => currentVersion),
    listVersions: jest.fn(async () => [currentVersion]),
    ...overrides,
  } as jest.Mocked<PolicyApi>;
}
