import {
  BackstageCredentials,
  BackstageUserPrincipal,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  InputError,
  ServiceUnavailableError,
  serializeError,
} from '@backstage/errors';
import { ProvisionInput, SecretOutcome } from '@finops/plugin-secrets-common';
import express from 'express';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** What the test's backend does with one provisioning request. */
export type ProvisionBehaviour = (
  body: ProvisionInput,
  credentials: BackstageCredentials<BackstageUserPrincipal>,
) => SecretOutcome | Promise<SecretOutcome>;

/** A request the server accepted: who sent it, and what. */
export interface ReceivedProvision {
  user: string;
  body: ProvisionInput;
}

/** Status codes as Backstage's error middleware gives them. */
const STATUS_OF_ERROR: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  ServiceUnavailableError: 503,
};

const REQUIRED_FIELDS = ['entityRef', 'environment', 'secrets', 'auth'];
const KNOWN_FIELDS = new Set([...REQUIRED_FIELDS, 'entity', 'dryRun', 'wrap']);

/**
 * Plays the secrets backend's `POST /api/secrets/provision` (and whether
 * Vault is configured, `GET /api/secrets/status`) over real HTTP:
 * the route takes user credentials only (a service token on behalf of a
 * user counts as that user, exactly as the backend's httpAuth decides),
 * refuses bodies outside ProvisionInput's required and known fields, and
 * answers a SecretOutcome or an error in Backstage's error body. What the
 * backend decides is up to each test (`onProvision`).
 */
export class SecretsBackendServer {
  readonly received: ReceivedProvision[] = [];
  /** Whether `GET /status` says Vault is configured. */
  vaultConfigured = true;
  #behaviour: ProvisionBehaviour = () => {
    throw new ServiceUnavailableError('no behaviour given to the test server');
  };

  static async start(): Promise<SecretsBackendServer> {
    const server = new SecretsBackendServer();
    await server.#listen();
    return server;
  }

  #server?: Server;
  #baseUrl = '';

  private constructor() {}

  /** What the backend answers from now on. */
  onProvision(behaviour: ProvisionBehaviour): void {
    this.#behaviour = behaviour;
  }

  /** A discovery service that finds the secrets plugin on this server. */
  discovery(): DiscoveryService {
    return mockServices.discovery.mock({
      getBaseUrl: async pluginId => `${this.#baseUrl}/api/${pluginId}`,
      getExternalBaseUrl: async pluginId => `${this.#baseUrl}/api/${pluginId}`,
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.#server?.close(error => (error ? reject(error) : resolve())),
    );
  }

  async #listen(): Promise<void> {
    const app = express();
    app.use('/api/secrets', this.#router());
    await new Promise<void>(resolve => {
      this.#server = app.listen(0, '127.0.0.1', resolve);
    });
    const { port } = this.#server!.address() as AddressInfo;
    this.#baseUrl = `http://127.0.0.1:${port}`;
  }

  #router(): express.Router {
    const httpAuth = mockServices.httpAuth({
      pluginId: 'secrets',
      defaultCredentials: mockCredentials.none(),
    });
    const router = express.Router();
    router.use(express.json());
    router.get('/status', async (req, res, next) => {
      try {
        await httpAuth.credentials(req, { allow: ['user', 'service'] });
        res.json(
          this.vaultConfigured
            ? { configured: true, instances: [] }
            : {
                configured: false,
                instances: [],
                help: 'Vault is not configured: add secrets.vault.instances to the app-config',
              },
        );
      } catch (error) {
        next(error);
      }
    });
    router.post('/provision', async (req, res, next) => {
      try {
        const credentials = await httpAuth.credentials(req, {
          allow: ['user'],
        });
        const body = checkProvisionInput(req.body);
        this.received.push({
          user: credentials.principal.userEntityRef,
          body,
        });
        res.json(await this.#behaviour(body, credentials));
      } catch (error) {
        next(error);
      }
    });
    router.use(
      (
        error: Error,
        req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        const statusCode = STATUS_OF_ERROR[error.name] ?? 500;
        res.status(statusCode).json({
          error: serializeError(error),
          request: { method: req.method, url: req.originalUrl },
          response: { statusCode },
        });
      },
    );
    return router;
  }
}

function checkProvisionInput(body: unknown): ProvisionInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError('request body must be an object');
  }
  for (const field of REQUIRED_FIELDS) {
    if (!(field in body)) {
      throw new InputError(
        `request body must have required property '${field}'`,
      );
    }
  }
  for (const field of Object.keys(body)) {
    if (!KNOWN_FIELDS.has(field)) {
      throw new InputError(
        `request body must NOT have additional property '${field}'`,
      );
    }
  }
  return body as ProvisionInput;
}
