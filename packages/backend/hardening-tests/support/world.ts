import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  freePort,
  RunningBackend,
  startBackend,
  testBackendConfig,
} from '../../e2e-tests/support/backendProcess';
// Test servers of the pipelines backend's own suite, which follow GitHub's
// and Argo CD's documented APIs (neither can run here).
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { GithubApiServer } from '../../../../plugins/pipelines-backend/src/__testUtils__/githubApiServer';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { startArgoCdApiServer } from '../../../../plugins/pipelines-backend/src/__testUtils__/argoCdApiServer';
import {
  OpaServer,
  PrometheusDependency,
  VaultDependency,
} from './dependencies';
import { PrivatePostgres } from './privatePostgres';

export const STATE_DIR = resolve(__dirname, '../../../../.local/hardening');

/** Repositories the example catalog annotates (github.com/project-slug). */
export const EXAMPLE_REPOSITORIES = [
  'finops-example/payments-gateway',
  'finops-example/card-payments',
  'finops-example/fraud-scoring',
  'finops-example/merchant-dashboard',
  'finops-example/ledger-service',
  'finops-example/ledger-reconciliation',
  'finops-example/money-amount',
  'finops-example/onboarding-service',
  'finops-example/onboarding-web',
  'finops-example/pii-masking',
];

/** Who signs in on which replica (guest sign-in, one identity each). */
export const USERS = {
  requester: 'user:default/hardening-requester',
  approver: 'user:default/hardening-approver',
} as const;
export type Role = keyof typeof USERS;

/** The team whose entities both users own (onboarding-service is one). */
const OWNING_GROUP = 'group:default/customer-team';

export interface Replica extends RunningBackend {
  name: string;
  database: string;
}

/**
 * Everything the hardening tests run against, started once per worker:
 * a private PostgreSQL cluster, the real opa server, Vault's API, a real
 * Prometheus, GitHub's and Argo CD's APIs, and two replicas of the real
 * backend on one database in the production layout (a schema per plugin,
 * OPA server, Vault, Prometheus), one for each signed-in person.
 */
export class World {
  readonly serviceToken = randomBytes(24).toString('base64url');
  readonly webhookSecret = randomBytes(24).toString('base64url');
  readonly #githubToken = `ghp_${randomBytes(18).toString('hex')}`;
  readonly #argoToken = randomBytes(18).toString('hex');
  readonly replicas = new Map<string, Replica>();

  static async start(): Promise<World> {
    await rm(STATE_DIR, { recursive: true, force: true });
    await mkdir(STATE_DIR, { recursive: true });
    const world = new World();
    try {
      world.postgres = await PrivatePostgres.start();
      // One by one, so that a failure leaves nothing running unseen.
      world.opa = await OpaServer.start();
      world.vault = await VaultDependency.start();
      world.prometheus = await PrometheusDependency.start();
      world.github = await GithubApiServer.start({ token: world.#githubToken });
      world.argocd = await startArgoCdApiServer({
        token: world.#argoToken,
        applications: ['onboarding-service-prod', 'onboarding-web-prod'],
      });
      for (const repository of EXAMPLE_REPOSITORIES) {
        world.github.addRepository(repository);
      }
      world.#recordGithubRequests();
      await world.postgres.createDatabase('finops_portal');
      // One after the other: on an empty database, two backends starting
      // at once race to create knex's migration tables in the same schema
      // and one fails to start (the catalog's and scaffolder's migrations, in
      // Backstage itself). Once migrated, replicas start in any order.
      await world.startReplica('a', 'finops_portal', 'requester');
      await world.startReplica('b', 'finops_portal', 'approver');
    } catch (error) {
      // Nothing started may outlive a failed start.
      await world.stop();
      throw error;
    }
    return world;
  }

  postgres!: PrivatePostgres;
  opa!: OpaServer;
  vault!: VaultDependency;
  prometheus!: PrometheusDependency;
  github!: GithubApiServer;
  argocd!: Awaited<ReturnType<typeof startArgoCdApiServer>>;

  /** When each request to GitHub's API arrived (the server keeps no times). */
  readonly githubRequests: Array<{ at: number; path: string }> = [];
  #recorder?: NodeJS.Timeout;

  #recordGithubRequests() {
    this.#recorder = setInterval(() => {
      const { requests } = this.github;
      for (let i = this.githubRequests.length; i < requests.length; i++) {
        this.githubRequests.push({ at: Date.now(), path: requests[i].path });
      }
    }, 200);
    this.#recorder.unref();
  }

  replica(name: string): Replica {
    const replica = this.replicas.get(name);
    if (!replica) throw new Error(`No replica ${name}`);
    return replica;
  }

  /** Starts (or restarts) a replica of the backend on a database. */
  async startReplica(
    name: string,
    database: string,
    signsIn: Role,
    options: { backfill?: boolean } = {},
  ): Promise<Replica> {
    const previous = this.replicas.get(name);
    const port = previous
      ? Number(new URL(previous.url).port)
      : await freePort();
    const started = await startBackend({
      name: previous ? `${name}-${Date.now()}` : name,
      stateDir: STATE_DIR,
      port,
      configOverride: this.#config(
        port,
        database,
        signsIn,
        options.backfill ?? true,
      ),
    });
    const replica = { ...started, name, database };
    this.replicas.set(name, replica);
    return replica;
  }

  async stop(): Promise<void> {
    clearInterval(this.#recorder);
    await Promise.all([...this.replicas.values()].map(r => r.stop()));
    await Promise.all([
      this.opa?.stop(),
      this.vault?.stop(),
      this.prometheus?.close(),
      this.github?.close(),
      this.argocd?.close(),
    ]);
    await this.postgres?.destroy();
  }

  async stopReplica(name: string): Promise<void> {
    await this.replicas.get(name)?.stop();
    this.replicas.delete(name);
  }

  #config(port: number, database: string, signsIn: Role, backfill: boolean) {
    return {
      ...testBackendConfig({
        port,
        database: {
          client: 'pg',
          connection: this.postgres.url(database),
          pluginDivisionMode: 'schema',
        },
        serviceToken: this.serviceToken,
        subject: 'hardening-tests',
        vault: this.vault,
        webhookSecret: this.webhookSecret,
        techdocsDir: join(STATE_DIR, 'techdocs'),
      }),
      auth: {
        clientIdMetadataDocuments: { enabled: false },
        providers: {
          guest: {
            userEntityRef: USERS[signsIn],
            ownershipEntityRefs: [USERS[signsIn], OWNING_GROUP],
          },
        },
      },
      integrations: {
        github: [
          {
            host: 'github.com',
            apiBaseUrl: this.github.apiBaseUrl,
            token: this.#githubToken,
          },
        ],
      },
      // Production's policy evaluation: the OPA server.
      policy: { evaluator: 'server', opa: { baseUrl: this.opa.url } },
      pipelines: {
        examples: { load: false },
        // The shortest interval there is: the test counts the sweeps.
        backfill: { enabled: backfill, frequency: 1 },
        argocd: { baseUrl: this.argocd.baseUrl, token: this.#argoToken },
      },
      health: {
        cacheTtl: '2s',
        prometheus: {
          rateWindow: '30s',
          instances: [{ name: 'main', baseUrl: this.prometheus.url }],
        },
      },
      scaffolder: {
        localRepos: {
          directory: join(STATE_DIR, 'repos'),
          host: 'repos.local',
        },
      },
    };
  }
}
