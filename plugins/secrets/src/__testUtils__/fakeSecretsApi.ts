import type { SecretsApi } from '../api';
import { entitySecrets, outcome, secretRequest } from './fixtures';

export { responseError } from '@finops/ui/testUtils';

/** A SecretsApi whose every method is a jest mock with a sensible answer. */
export function fakeSecretsApi(
  overrides: Partial<SecretsApi> = {},
): jest.Mocked<SecretsApi> {
  return {
    getEntitySecrets: jest.fn(async () => entitySecrets()),
    provision: jest.fn(async input =>
      outcome({ outcome: input.dryRun ? 'planned' : 'applied' }),
    ),
    rotate: jest.fn(async () =>
      outcome({
        changes: [
          {
            kind: 'secret',
            name: 'services/default/card-payments/production/database',
            action: 'rotate',
            detail: 'version 4: new password; 5 versions kept',
          },
        ],
      }),
    ),
    listRequests: jest.fn(async () => []),
    approveRequest: jest.fn(async () =>
      secretRequest({
        status: 'applied',
        reviewedBy: 'user:default/carol',
        message:
          'secret services/default/card-payments/production/database: create',
      }),
    ),
    rejectRequest: jest.fn(async (_id: string, comment?: string) =>
      secretRequest({
        status: 'rejected',
        reviewedBy: 'user:default/carol',
        comment: comment ?? null,
      }),
    ),
    ...overrides,
  } as jest.Mocked<SecretsApi>;
}
