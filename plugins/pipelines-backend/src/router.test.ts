import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { githubExample } from './__testUtils__/githubExamples';
import { storeDatabases } from './__testUtils__/storeDatabase';
import { startPipelinesBackend } from './__testUtils__/testBackend';

jest.setTimeout(60_000);

/** Query values must be URL-encoded: the spec forbids reserved characters. */
const OCTO_REPO = encodeURIComponent('component:default/octo-repo');
const HELLO_WORLD = encodeURIComponent('component:default/hello-world');

describe.each(storeDatabases.eachSupportedId())('pipelines API on %p', id => {
  async function startWithHistory(
    extra: Parameters<typeof startPipelinesBackend>[0] = {},
  ) {
    const knex = await storeDatabases.init(id);
    const backend = await startPipelinesBackend({ knex, ...extra });
    const deliveries: Array<[string, unknown]> = [
      ['workflow_run', githubExample('workflow_run', 1)],
      ['deployment', githubExample('deployment', 0)],
      ['deployment_status', githubExample('deployment_status', 0)],
    ];
    for (const [index, [event, payload]] of deliveries.entries()) {
      await backend.events.publish({
        topic: `github.${event}`,
        eventPayload: payload,
        metadata: { 'x-github-delivery': `guid-${index}` },
      });
    }
    return backend.server;
  }

  it('serves runs, one run, environments and DORA metrics', async () => {
    const server = await startWithHistory();

    const runs = await request(server).get(
      `/api/pipelines/runs?entityRef=${OCTO_REPO}&limit=10`,
    );
    expect(runs.body.error?.message).toBeUndefined();
    expect(runs.status).toBe(200);
    expect(runs.body).toEqual({
      items: [
        expect.objectContaining({
          id: '289782451',
          entityRef: 'component:default/octo-repo',
          status: 'completed',
          conclusion: 'success',
        }),
      ],
    });

    const run = await request(server).get('/api/pipelines/runs/289782451');
    expect(run.status).toBe(200);
    expect(run.body).toEqual(
      expect.objectContaining({ id: '289782451', jobs: [], artifacts: [] }),
    );
    const missing = await request(server).get('/api/pipelines/runs/1');
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');

    const environments = await request(server).get(
      `/api/pipelines/environments?entityRef=${HELLO_WORLD}&historyLimit=5`,
    );
    expect(environments.status).toBe(200);
    expect(environments.body.items).toEqual([
      expect.objectContaining({
        environment: 'production',
        current: expect.objectContaining({
          status: 'success',
          sha: expect.any(String),
        }),
      }),
    ]);

    const dora = await request(server).get(
      `/api/pipelines/dora?entityRef=${HELLO_WORLD}&since=2019-05-01&until=2019-05-31`,
    );
    expect(dora.status).toBe(200);
    expect(dora.body).toEqual(
      expect.objectContaining({
        scope: { entityRef: 'component:default/hello-world' },
        from: '2019-05-01T00:00:00.000Z',
        to: '2019-06-01T00:00:00.000Z',
        deploymentFrequency: { deployments: 1, perDay: 0.032 },
        changeFailureRate: { failed: 0, total: 1, rate: 0 },
      }),
    );
    expect(dora.body.weekly).toHaveLength(5);

    const system = await request(server).get(
      '/api/pipelines/dora?system=greetings&since=2019-05-01&until=2019-05-31',
    );
    expect(system.status).toBe(200);
    expect(system.body.deploymentFrequency.deployments).toBe(1);
    const owner = await request(server).get(
      `/api/pipelines/dora?owner=${encodeURIComponent('group:default/nobody')}`,
    );
    expect(owner.body.deploymentFrequency.deployments).toBe(0);
  });

  it('rejects a bad range, scope or query with 400', async () => {
    const server = await startWithHistory();
    for (const query of [
      `entityRef=${HELLO_WORLD}&since=2025-01-01&until=2026-02-05`,
      `entityRef=${HELLO_WORLD}&since=2026-02-05&until=2026-02-01`,
      `entityRef=${HELLO_WORLD}&since=last-tuesday`,
      `entityRef=${HELLO_WORLD}&system=greetings`,
      '',
    ]) {
      const res = await request(server).get(`/api/pipelines/dora?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.name).toBe('InputError');
    }
    const tooMany = await request(server).get(
      `/api/pipelines/runs?entityRef=${OCTO_REPO}&limit=1000`,
    );
    expect(tooMany.status).toBe(400);
    const noEntity = await request(server).get('/api/pipelines/environments');
    expect(noEntity.status).toBe(400);
    // Found by the security suite's fuzzer: PostgreSQL refuses a NUL (500).
    const nul = await request(server).get(
      `/api/pipelines/runs?entityRef=${OCTO_REPO}&actor=a%00b`,
    );
    expect(nul.status).toBe(id === 'SQLITE_3' ? 200 : 400);
  });

  it('answers 401 without credentials', async () => {
    const server = await startWithHistory();
    for (const path of [
      `/runs?entityRef=${OCTO_REPO}`,
      '/runs/289782451',
      `/environments?entityRef=${OCTO_REPO}`,
      `/dora?entityRef=${OCTO_REPO}`,
    ]) {
      const res = await request(server)
        .get(`/api/pipelines${path}`)
        .set('authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    }
  });

  it('answers 403 to whoever may not read pipelines', async () => {
    const server = await startWithHistory({
      extra: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    for (const path of [
      `/runs?entityRef=${OCTO_REPO}`,
      '/runs/289782451',
      `/environments?entityRef=${OCTO_REPO}`,
      `/dora?entityRef=${OCTO_REPO}`,
    ]) {
      const res = await request(server).get(`/api/pipelines${path}`);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe('You may not read pipeline data');
    }
  });
});
