import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { VaultApiServer } from '@finops/plugin-secrets-backend/testUtils';
import {
  halfBudgetRequests,
  MetricsExporter,
  RunningService,
  startPrometheus,
} from '@finops/plugin-health-backend/testUtils';
import { freePort } from '../../e2e-tests/support/backendProcess';

const POLICIES_DIR = resolve(__dirname, '../../../../policies');

/** Something the portal depends on that a test stops and starts again. */
export interface Dependency {
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function waitFor(url: string, what: string) {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        r => r.ok,
        () => false,
      )
    )
      return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become ready at ${url}`);
}

/**
 * The real `opa` binary the test command builds (FINOPS_OPA), as
 * production runs it: `opa run --server` with policies/, on a fixed port
 * so that a restart comes back where the backends look for it.
 */
export class OpaServer implements Dependency {
  readonly url: string;
  readonly #port: number;
  #child: ChildProcess | undefined;

  static async start(): Promise<OpaServer> {
    const server = new OpaServer(await freePort());
    await server.start();
    return server;
  }

  private constructor(port: number) {
    this.#port = port;
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const opa = process.env.FINOPS_OPA;
    if (!opa) {
      throw new Error(
        'FINOPS_OPA is not set: run through scripts/test.sh, which builds opa',
      );
    }
    this.#child = spawn(
      opa,
      [
        'run',
        '--server',
        '--addr',
        `127.0.0.1:${this.#port}`,
        '--log-level',
        'error',
        POLICIES_DIR,
      ],
      { stdio: 'ignore' },
    );
    await waitFor(`${this.url}/health`, 'opa run --server');
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise(r => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

/** The Vault-API test server, stopped and started again on its port. */
export class VaultDependency implements Dependency {
  readonly url: string;
  readonly rootToken: string;
  readonly #port: number;
  #server: VaultApiServer | undefined;

  static async start(): Promise<VaultDependency> {
    const server = await VaultApiServer.start();
    return new VaultDependency(server);
  }

  private constructor(server: VaultApiServer) {
    this.#server = server;
    this.url = server.url;
    this.rootToken = server.rootToken;
    this.#port = Number(new URL(server.url).port);
  }

  async stop(): Promise<void> {
    await this.#server?.close();
    this.#server = undefined;
  }

  async start(): Promise<void> {
    this.#server = await VaultApiServer.start({
      port: this.#port,
      rootToken: this.rootToken,
    });
  }
}

/**
 * A real Prometheus scraping an exporter of onboarding-service's requests
 * (199 good of 200 per scrape: half of its 99% error budget left, as in
 * the end-to-end tests), restarted on the same port.
 */
export class PrometheusDependency implements Dependency {
  readonly url: string;
  readonly #exporter: MetricsExporter;
  readonly #port: number;
  #prometheus: RunningService | undefined;

  static async start(): Promise<PrometheusDependency> {
    const exporter = await MetricsExporter.start({
      requests: halfBudgetRequests({
        service: 'onboarding-service',
        method: 'POST',
        route: '/v1/applications',
      }),
      cpu: [
        { labels: { service: 'onboarding-service' }, secondsPerScrape: 0.2 },
      ],
    });
    const prometheus = await startPrometheus({ targets: [exporter.target] });
    return new PrometheusDependency(exporter, prometheus);
  }

  private constructor(exporter: MetricsExporter, prometheus: RunningService) {
    this.#exporter = exporter;
    this.#prometheus = prometheus;
    this.url = prometheus.baseUrl;
    this.#port = Number(new URL(prometheus.baseUrl).port);
  }

  async stop(): Promise<void> {
    await this.#prometheus?.stop();
    this.#prometheus = undefined;
  }

  async start(): Promise<void> {
    this.#prometheus = await startPrometheus({
      targets: [this.#exporter.target],
      port: this.#port,
    });
  }

  async close(): Promise<void> {
    await this.stop();
    await this.#exporter.close();
  }
}
