import type { HealthApi } from '../api';
import {
  entityAlerts,
  entityDashboards,
  entityHealth,
  entitySignals,
  entitySlos,
} from './fixtures';

export { responseError } from '@finops/ui/testUtils';

/** A HealthApi whose every method is a jest mock with a healthy answer. */
export function fakeHealthApi(
  overrides: Partial<HealthApi> = {},
): jest.Mocked<HealthApi> {
  return {
    getSignals: jest.fn(async () => entitySignals()),
    getSlos: jest.fn(async () => entitySlos()),
    getAlerts: jest.fn(async () => entityAlerts()),
    getDashboards: jest.fn(async () => entityDashboards()),
    getSummary: jest.fn(async () => entityHealth()),
    listSummaries: jest.fn(async () => ({
      items: [entityHealth()],
      truncated: false,
    })),
    ...overrides,
  } as jest.Mocked<HealthApi>;
}
