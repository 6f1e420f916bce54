/*
 * Each dependency stopped and started again while both replicas take
 * deliveries: the database (this run's own PostgreSQL server), the OPA
 * server, Vault and Prometheus. While one is down the portal says so
 * (503 or a status naming it, never a 500), refuses what must not happen
 * without it (deploys, permissions), acknowledges no delivery it could not
 * store, and once it is back it works again without a restart.
 */
import { Load } from './support/load';
import {
  Answer,
  call,
  deliver,
  expect,
  pool,
  sql,
  test,
} from './support/portal';
import {
  DEPLOYED_ENTITY,
  pushDeployableCommit,
  requestDeploy,
  signInBoth,
  storedDeliveryIds,
  Tokens,
  units,
} from './support/workloads';
import { Replica, World } from './support/world';

const ENTITY = encodeURIComponent(DEPLOYED_ENTITY);
const RECOVERY = { timeout: 90_000, intervals: [1_000] };

/** Every answer seen in this file, to check that none was a 500. */
const answers: Array<{ what: string; status: number }> = [];
async function seen(what: string, answer: Promise<Answer>): Promise<Answer> {
  const result = await answer;
  answers.push({ what, status: result.status });
  return result;
}

function deployCheck(replica: Replica, tokens: Tokens, version: string) {
  return seen(
    'deploy check',
    call(replica.url, '/api/pipelines/deploy-checks', {
      token: tokens.requester,
      body: {
        entityRef: DEPLOYED_ENTITY,
        action: 'deploy',
        environment: 'production',
        version,
      },
    }),
  );
}

async function deployRequestCount(world: World): Promise<number> {
  const [row] = await sql(
    world.postgres.url('finops_portal'),
    'SELECT count(*)::int AS n FROM pipelines.pipeline_deploy_requests',
  );
  return row.n;
}

test.describe.configure({ mode: 'serial' });

test.describe('with each dependency stopped and started under load', () => {
  let load: Load;
  let tokens: Tokens;
  let version: string;

  test.beforeAll(async ({ world }) => {
    tokens = await signInBoth(world);
    version = await pushDeployableCommit(world, world.replica('a'));
    load = Load.start(world, {
      deliveriesTo: () => [world.replica('a'), world.replica('b')],
      concurrency: 2,
      pauseMs: 50,
    });
  });

  test('the database', async ({ world }) => {
    const a = world.replica('a');
    const b = world.replica('b');
    await world.postgres.stopServer();
    try {
      // A delivery nobody could store is refused, so that GitHub sends it
      // again; never acknowledged and dropped.
      const [outage] = units(1);
      const refused = await pool(outage.deliveries, 2, d =>
        deliver(a.url, d, world.webhookSecret),
      );
      refused.forEach(status => answers.push({ what: 'webhook', status }));
      expect(refused).toEqual(refused.map(() => 503));

      const runs = await seen(
        'runs',
        call(a.url, `/api/pipelines/runs?entityRef=${ENTITY}`, {
          token: world.serviceToken,
        }),
      );
      expect(runs.status).toBe(503);
      expect(runs.body.error.message).toBe(
        'The pipelines database is unavailable; try again shortly',
      );
      // People's requests fail closed: neither their token (the auth
      // backend's keys) nor the permission can be checked, so nothing is
      // served. Which of 401, 403 or 500 they get depends on where
      // Backstage's auth and permission services meet the outage first.
      const read = await call(b.url, '/api/pipelines/deploy-requests?limit=1', {
        token: tokens.approver,
      });
      expect(read.status).toBeGreaterThanOrEqual(400);
    } finally {
      await world.postgres.startServer();
    }

    const token = tokens.requester;
    for (const replica of [a, b]) {
      await expect
        .poll(
          async () =>
            (
              await seen(
                'runs',
                call(replica.url, `/api/pipelines/runs?entityRef=${ENTITY}`, {
                  token,
                }),
              )
            ).status,
          RECOVERY,
        )
        .toBe(200);
    }
    // Redelivered, what was refused is stored now.
    const [again] = units(1);
    const statuses = await pool(again.deliveries, 2, d =>
      deliver(a.url, d, world.webhookSecret),
    );
    expect(statuses).toEqual(statuses.map(() => 202));
  });

  test('the OPA server', async ({ world }) => {
    const a = world.replica('a');
    const before = await deployRequestCount(world);
    await world.opa.stop();
    try {
      const decided = await seen(
        'decide',
        call(a.url, '/api/policy/decisions/deploy', {
          token: world.serviceToken,
          body: { input: {} },
        }),
      );
      expect(decided.status).toBe(503);
      expect(decided.body.error.message).toMatch(/OPA/);

      // No deploy without a decision, and no permission either: each is
      // refused with 503 saying the permission could not be decided (not
      // a 403, nor a 404 because the catalog could not show the entity).
      const undecided =
        /could not be decided, so it is refused until the policy engine answers again: .*OPA/;
      const check = await deployCheck(a, tokens, version);
      expect(check.status).toBe(503);
      expect(check.body.error.message).toMatch(undecided);
      const requested = await seen(
        'deploy request',
        requestDeploy(a.url, tokens.requester, version),
      );
      expect(requested.status).toBe(503);
      expect(requested.body.error.message).toMatch(undecided);
      expect(await deployRequestCount(world)).toBe(before);
      const read = await seen(
        'runs',
        call(a.url, `/api/pipelines/runs?entityRef=${ENTITY}`, {
          token: tokens.requester,
        }),
      );
      expect(read.status).toBe(503);
      expect(read.body.error.message).toMatch(undecided);
    } finally {
      await world.opa.start();
    }
    await expect
      .poll(
        async () => (await deployCheck(a, tokens, version)).body?.outcome,
        RECOVERY,
      )
      .toBe('approval-required');
  });

  test('Vault', async ({ world }) => {
    const b = world.replica('b');
    await world.vault.stop();
    try {
      const status = await seen(
        'secrets status',
        call(b.url, '/api/secrets/status', { token: tokens.approver }),
      );
      expect(status.status).toBe(200);
      expect(status.body.instances[0]).toMatchObject({
        reachable: false,
        message: expect.stringMatching(/^Vault main did not answer/),
      });
      const secrets = await seen(
        'secrets',
        call(b.url, `/api/secrets/secrets?entityRef=${ENTITY}`, {
          token: tokens.approver,
        }),
      );
      expect(secrets.status).toBe(503);
      expect(secrets.body.error.message).toMatch(/^Vault main did not answer/);
    } finally {
      await world.vault.start();
    }
    await expect
      .poll(
        async () =>
          (
            await seen(
              'secrets',
              call(b.url, `/api/secrets/secrets?entityRef=${ENTITY}`, {
                token: tokens.approver,
              }),
            )
          ).status,
        RECOVERY,
      )
      .toBe(200);
  });

  test('Prometheus', async ({ world }) => {
    const a = world.replica('a');
    const before = await deployRequestCount(world);
    await world.prometheus.stop();
    try {
      // The error budget is unknown, and says why.
      await expect
        .poll(
          async () =>
            (
              await seen(
                'error budget',
                call(a.url, `/api/health/error-budget?entityRef=${ENTITY}`, {
                  token: tokens.requester,
                }),
              )
            ).body,
          RECOVERY,
        )
        .toMatchObject({
          status: 'unknown',
          errorBudgetRemaining: null,
          reason: expect.stringContaining('could not be reached'),
        });
      // Production refuses a deploy it cannot check the budget for.
      const check = await deployCheck(a, tokens, version);
      expect(check.status).toBe(200);
      expect(check.body.outcome).toBe('refused');
      expect(check.body.violations.map((v: any) => v.rule)).toContain(
        'DEP-BUDGET-001',
      );
      const requested = await seen(
        'deploy request',
        requestDeploy(a.url, tokens.requester, version),
      );
      expect(requested.status).toBe(403);
      expect(requested.body.error.message).toMatch(/DEP-BUDGET-001/);
      expect(await deployRequestCount(world)).toBe(before);
    } finally {
      await world.prometheus.start();
    }
    await expect
      .poll(
        async () => (await deployCheck(a, tokens, version)).body?.outcome,
        RECOVERY,
      )
      .toBe('approval-required');
  });

  test.afterAll(async ({ world }) => {
    await load.stop();
    // Nothing acknowledged while a dependency was down was lost, and what
    // was refused goes through when GitHub sends it again.
    const acked = load.deliveries
      .filter(d => d.ackedAt !== undefined)
      .map(d => d.item);
    const stored = await storedDeliveryIds(
      world.postgres.url('finops_portal'),
      acked,
    );
    expect(acked.filter(d => !stored.has(d.id)).map(d => d.id)).toEqual([]);
    const statuses = load.deliveries.map(d => d.status);
    expect(statuses.filter(s => s !== 202 && s !== 503)).toEqual([]);
    const refused = load.deliveries
      .filter(d => d.status === 503)
      .map(d => d.item);
    const redelivered = await pool(refused, 2, d =>
      deliver(world.replica('a').url, d, world.webhookSecret),
    );
    expect(redelivered.filter(s => s !== 202)).toEqual([]);
    // And no answer was a 500.
    expect(answers.filter(x => x.status >= 500 && x.status !== 503)).toEqual(
      [],
    );
  });
});
