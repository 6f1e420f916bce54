/*
 * The portal's own metrics end to end: the real backend (src/index.ts)
 * started with src/instrumentation.js loaded the way `yarn start` and the
 * image load it, a real Prometheus scraping its /metrics, and requests
 * that go through every instrumented path: plugin routes (2xx, 4xx, a
 * refusal before routing, a 5xx), a policy decision, Vault calls against
 * the Vault-API test server and a signed GitHub webhook delivery. Then
 * every query of the Grafana dashboard (deploy/grafana) must parse and
 * return data from that Prometheus.
 */
import {
  observabilityAvailable,
  RunningService,
  startPrometheus,
} from '@finops/plugin-health-backend/testUtils';
import { VaultApiServer } from '@finops/plugin-secrets-backend/testUtils';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  freePort,
  RunningBackend,
  startBackend,
} from '../../e2e-tests/support/backendProcess';
import { dashboardQueries, substituteVariables } from './dashboardQueries';

jest.setTimeout(300_000);

const REPO_ROOT = resolve(__dirname, '../../../..');
const INSTRUMENTATION = resolve(__dirname, '../instrumentation.js');
const DASHBOARD = join(REPO_ROOT, 'deploy/grafana/finops-platform.json');
const ENTITY = 'component:default/card-payments';

/** Prometheus' instant query API: the result vector, or its error. */
async function query(prometheus: RunningService, promql: string) {
  const url = new URL('/api/v1/query', prometheus.baseUrl);
  url.searchParams.set('query', promql);
  const response = await fetch(url);
  const body = await response.json();
  if (body.status !== 'success') {
    throw new Error(`${promql}: ${body.errorType} ${body.error}`);
  }
  return body.data.result as Array<{
    metric: Record<string, string>;
    value: [number, string];
  }>;
}

/** The value of a query that sums to one number (0 when no series). */
async function valueOf(prometheus: RunningService, promql: string) {
  const result = await query(prometheus, `sum(${promql})`);
  return result.length ? Number(result[0].value[1]) : 0;
}

async function eventually<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise(r => setTimeout(r, 1_000));
  }
}

const describeWithPrometheus = observabilityAvailable()
  ? describe
  : describe.skip;

describeWithPrometheus('the portal’s metrics, scraped by Prometheus', () => {
  const token = randomBytes(24).toString('base64url');
  const webhookSecret = randomBytes(24).toString('base64url');
  let stateDir: string;
  let vault: VaultApiServer;
  let prometheus: RunningService;
  let backend: RunningBackend;

  const api = (path: string, init: RequestInit = {}, auth = true) =>
    fetch(`${backend.url}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(auth ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
      },
    });

  beforeAll(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'finops-metrics-'));
    await mkdir(join(stateDir, 'sqlite'));
    vault = await VaultApiServer.start();
    const [port, metricsPort] = [await freePort(), await freePort()];
    prometheus = await startPrometheus({
      targets: [`127.0.0.1:${metricsPort}`],
      scrapeInterval: '1s',
    });
    const url = `http://localhost:${port}`;
    backend = await startBackend({
      name: 'metrics',
      stateDir,
      port,
      configOverride: {
        app: { baseUrl: url },
        backend: {
          baseUrl: url,
          listen: { port },
          cors: { origin: url },
          auth: {
            externalAccess: [
              { type: 'static', options: { token, subject: 'metrics-test' } },
            ],
          },
        },
        secrets: {
          vault: {
            instances: [
              {
                name: 'main',
                baseUrl: vault.url,
                auth: { type: 'token', token: vault.rootToken },
              },
            ],
          },
        },
        events: { modules: { github: { webhookSecret } } },
        scaffolder: {
          localRepos: {
            directory: join(stateDir, 'repos'),
            host: 'repos.local',
          },
        },
      },
      env: {
        // What the image's CMD does with --require, for this process only.
        NODE_OPTIONS: `--require ${JSON.stringify(INSTRUMENTATION)}`,
        FINOPS_METRICS_PORT: String(metricsPort),
        FINOPS_METRICS_HOST: '127.0.0.1',
        FINOPS_LOCAL_STATE: stateDir,
      },
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await prometheus?.stop();
    await vault?.close();
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
  });

  it('serves request, policy, Vault, ingestion and process metrics by route template', async () => {
    // What the backend answered, to compare with what Prometheus counted.
    let entityNotFound = 0;
    let runsListed = 0;
    const listRuns = async () => {
      const response = await api(
        `/api/pipelines/runs?entityRef=${encodeURIComponent(ENTITY)}`,
      );
      expect(response.status).toBe(200);
      runsListed += 1;
      return (await response.json()).items as Array<{ id: string }>;
    };

    // The example catalog is read shortly after startup.
    await eventually('the example catalog', async () => {
      const response = await api(
        '/api/catalog/entities/by-name/component/default/card-payments',
      );
      if (response.status === 404) entityNotFound += 1;
      return response.ok ? true : undefined;
    });
    expect(
      (await api('/api/catalog/entities/by-name/component/default/nothing'))
        .status,
    ).toBe(404);
    entityNotFound += 1;
    for (let i = 0; i < 3; i++) await listRuns();
    expect((await api('/api/pipelines/runs', {}, false)).status).toBe(401);

    const decision = await api('/api/policy/decisions/deploy', {
      method: 'POST',
      body: JSON.stringify({ input: {} }),
    });
    expect(decision.status).toBe(200);

    const secretsPath = `/api/secrets/secrets?entityRef=${encodeURIComponent(
      ENTITY,
    )}`;
    expect((await api(secretsPath)).status).toBe(200);
    // Vault not answering: the route answers 503.
    vault.setDown(true);
    expect((await api(secretsPath)).status).toBe(503);
    vault.setDown(false);

    // Until the pipelines plugin's entity index (a minute's cache) knows
    // the repository, a delivery is unmapped: deliver again until stored.
    let deliveries = 0;
    await eventually('a delivered run stored', async () => {
      deliveries += 1;
      const id = await deliverWorkflowRun(deliveries);
      for (let poll = 0; poll < 10; poll++) {
        if ((await listRuns()).some(run => run.id === id)) return true;
        await new Promise(r => setTimeout(r, 1_000));
      }
      return undefined;
    });

    // Prometheus has scraped what the requests above recorded.
    const runsRoute =
      'http_server_request_duration_count{plugin="pipelines",http_route="/api/pipelines/runs",http_request_method="GET",http_response_status_code="200"}';
    await eventually(
      'the scrape after the requests',
      async () =>
        (await valueOf(prometheus, runsRoute)) >= runsListed ? true : undefined,
      30_000,
    );
    expect(await valueOf(prometheus, runsRoute)).toBe(runsListed);
    expect(
      await valueOf(
        prometheus,
        'http_server_request_duration_count{plugin="catalog",http_route="/api/catalog/entities/by-name/:kind/:namespace/:name",http_response_status_code="404"}',
      ),
    ).toBe(entityNotFound);
    expect(
      await valueOf(
        prometheus,
        'http_server_request_duration_count{plugin="pipelines",http_route="(unmatched)",http_response_status_code="401"}',
      ),
    ).toBe(1);
    expect(
      await valueOf(
        prometheus,
        'http_server_request_duration_count{plugin="secrets",http_route="/api/secrets/secrets",http_response_status_code="503"}',
      ),
    ).toBe(1);
    expect(
      await valueOf(
        prometheus,
        'http_server_request_duration_count{plugin="events",http_route=~"/api/events/http/.*",http_request_method="POST",http_response_status_code="202"}',
      ),
    ).toBe(deliveries);
    // No label carries an entity name, an id or a raw URL.
    expect(
      await query(
        prometheus,
        '{__name__=~"http_server_request_duration_count", http_route=~".*(card-payments|nothing|%3A|component:).*"}',
      ),
    ).toEqual([]);

    expect(
      await valueOf(
        prometheus,
        'finops_policy_evaluation_duration_count{decision_point="deploy",evaluator="embedded",outcome="success"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await valueOf(
        prometheus,
        'finops_vault_request_duration_count{vault="main",operation=~"GET kv/metadata/.*",outcome="success"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await valueOf(
        prometheus,
        'finops_vault_request_duration_count{vault="main",outcome="unavailable"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await valueOf(
        prometheus,
        'finops_pipelines_ingestion_lag_count{topic="github.workflow_run",outcome="stored"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    // Our delivery happened 5 s before it was sent: within 30 s of lag.
    expect(
      await valueOf(
        prometheus,
        'finops_pipelines_ingestion_lag_bucket{topic="github.workflow_run",outcome="stored",le="30"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    for (const name of [
      'catalog_processed_entities_count_total',
      'process_cpu_time_total',
      'process_memory_usage',
      'nodejs_eventloop_delay_p99',
      'v8js_memory_heap_used',
    ]) {
      expect({ name, value: await valueOf(prometheus, name) }).toEqual({
        name,
        value: expect.any(Number),
      });
      expect((await query(prometheus, name)).length).toBeGreaterThan(0);
    }
  });

  it('has a dashboard whose every query parses and returns data', async () => {
    const dashboard = JSON.parse(await readFile(DASHBOARD, 'utf8'));
    const queries = dashboardQueries(dashboard);
    expect(queries.length).toBeGreaterThanOrEqual(10);
    const failures: string[] = [];
    // A rate needs two scrapes of a series: the ingestion series appeared
    // with the last delivery, so give them a few scrapes more.
    const deadline = Date.now() + 20_000;
    for (const { title, expr } of queries) {
      const promql = substituteVariables(expr, { rateInterval: '5m' });
      try {
        while ((await query(prometheus, promql)).length === 0) {
          if (Date.now() > deadline) {
            failures.push(`${title}: no data for ${promql}`);
            break;
          }
          await new Promise(r => setTimeout(r, 1_000));
        }
      } catch (error) {
        failures.push(`${title}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  /** A signed workflow_run delivery, as GitHub sends it; the run's id. */
  async function deliverWorkflowRun(attempt: number): Promise<string> {
    const examples = JSON.parse(
      await readFile(
        join(REPO_ROOT, 'examples/pipelines/card-payments.json'),
        'utf8',
      ),
    ).deliveries;
    const payload = structuredClone(
      examples.find((d: any) => d.topic === 'github.workflow_run').payload,
    );
    const happened = new Date(Date.now() - 5_000).toISOString();
    Object.assign(payload.workflow_run, {
      id: 970_000_000 + attempt,
      run_number: 7000 + attempt,
      created_at: happened,
      run_started_at: happened,
      updated_at: happened,
    });
    const body = JSON.stringify(payload);
    const response = await api(
      '/api/events/http/github',
      {
        method: 'POST',
        body,
        headers: {
          'x-github-event': 'workflow_run',
          'x-github-delivery': `metrics-test-${attempt}`,
          'x-hub-signature-256': `sha256=${createHmac('sha256', webhookSecret)
            .update(body)
            .digest('hex')}`,
        },
      },
      false,
    );
    expect(response.status).toBe(202);
    return String(payload.workflow_run.id);
  }
});
