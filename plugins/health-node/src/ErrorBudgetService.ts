import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ErrorBudget, HealthApiClient } from '@finops/plugin-health-common';

/**
 * The error budgets of catalog entities, computed by the health backend
 * from the entities' SLOs. Never throws: when the budget cannot be read
 * it comes back unknown (`errorBudgetRemaining: null`) with the reason,
 * so a deploy gate fails closed and can say why.
 */
export interface ErrorBudgetService {
  getErrorBudget(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<ErrorBudget>;
}

/** {@link ErrorBudgetService} over the health backend's HTTP API. */
export class HttpErrorBudgetService implements ErrorBudgetService {
  readonly #client: HealthApiClient;
  readonly #auth: AuthService;

  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
  }): HttpErrorBudgetService {
    return new HttpErrorBudgetService(options.discovery, options.auth);
  }

  private constructor(discovery: DiscoveryService, auth: AuthService) {
    this.#client = new HealthApiClient({ discoveryApi: discovery });
    this.#auth = auth;
  }

  async getErrorBudget(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<ErrorBudget> {
    const unknown = (reason: string): ErrorBudget => ({
      entityRef,
      sloDeclared: true,
      errorBudgetRemaining: null,
      status: 'unknown',
      reason,
    });
    try {
      const { token } = await this.#auth.getPluginRequestToken({
        onBehalfOf: options.credentials,
        targetPluginId: 'health',
      });
      const response = await this.#client.getErrorBudget(
        { query: { entityRef } },
        { token },
      );
      if (!response.ok) {
        const body = await response.text();
        let message = body.slice(0, 300);
        try {
          message = JSON.parse(body).error?.message ?? message;
        } catch {
          // not Backstage's error shape: keep the text
        }
        return unknown(
          `The health backend answered ${response.status}: ${message}`,
        );
      }
      return await response.json();
    } catch (error) {
      return unknown(
        `The health backend did not answer: ${(error as Error).message}`,
      );
    }
  }
}

/** Error budgets through the health backend (see {@link ErrorBudgetService}). */
export const errorBudgetServiceRef = createServiceRef<ErrorBudgetService>({
  id: 'finops.health.error-budget',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      factory: ({ discovery, auth }) =>
        HttpErrorBudgetService.create({ discovery, auth }),
    }),
});
