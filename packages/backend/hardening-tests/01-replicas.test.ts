/*
 * Two replicas of the backend on one PostgreSQL database: GitHub
 * deliveries (some delivered to both, as GitHub redelivers) and people's
 * requests spread over both, then the database and the API of each replica
 * show every write once.
 */
import {
  call,
  deliver,
  expect,
  pool,
  test,
  waitForEntity,
} from './support/portal';
import {
  approve,
  DEPLOYED_ENTITY,
  deployRows,
  pushDeployableCommit,
  requestDeploy,
  signInBoth,
  storedRows,
  syncsByCommit,
  units,
  USERS,
} from './support/workloads';

test('deliveries spread over two replicas are stored once each, none lost', async ({
  world,
}) => {
  const a = world.replica('a');
  const b = world.replica('b');
  for (const replica of [a, b]) {
    for (const ref of [
      DEPLOYED_ENTITY,
      'component:default/card-payments',
      'component:default/ledger-service',
      'component:default/payments-gateway',
    ]) {
      await waitForEntity(replica.url, world.serviceToken, ref);
    }
  }

  const sent = units(48);
  const deliveries = sent.flatMap(u => u.deliveries);
  // Every third delivery reaches both replicas at once with the same
  // X-GitHub-Delivery; every fifth is redelivered to the same one later.
  const statuses = await pool(deliveries, 8, async (delivery, i) => {
    const [first, other] = i % 2 === 0 ? [a, b] : [b, a];
    const sends = [deliver(first.url, delivery, world.webhookSecret)];
    if (i % 3 === 0)
      sends.push(deliver(other.url, delivery, world.webhookSecret));
    const answers = await Promise.all(sends);
    if (i % 5 === 0)
      answers.push(await deliver(first.url, delivery, world.webhookSecret));
    return answers;
  });
  expect(statuses.flat().filter(s => s !== 202)).toEqual([]);

  expect(await storedRows(world.postgres.url('finops_portal'), sent)).toEqual({
    deliveries: deliveries.length,
    runs: sent.length,
    jobs: sent.length,
    deployments: sent.length,
    changes: sent.length,
  });

  // Each replica's API serves every run, with its one job.
  for (const [i, u] of sent.entries()) {
    const replica = i % 2 === 0 ? b : a;
    const run = await call(replica.url, `/api/pipelines/runs/${u.runId}`, {
      token: world.serviceToken,
    });
    expect(run.status).toBe(200);
    expect(run.body.jobs.map((j: any) => j.id)).toEqual([u.jobId]);
  }
});

test('deploy requests and approvals on either replica are decided once', async ({
  world,
}) => {
  const a = world.replica('a');
  const b = world.replica('b');
  const tokens = await signInBoth(world);
  // A token from one replica's sign-in is good on the other (shared keys).
  for (const replica of [a, b]) {
    for (const token of [tokens.requester, tokens.approver]) {
      const read = await call(
        replica.url,
        '/api/pipelines/deploy-requests?limit=1',
        {
          token,
        },
      );
      expect(read.status).toBe(200);
    }
  }

  // Production deploys of six commits, asked on alternate replicas.
  const requests: Array<{ id: string; commit: string }> = [];
  for (let i = 0; i < 6; i++) {
    const replica = i % 2 === 0 ? a : b;
    const commit = await pushDeployableCommit(world, replica);
    const created = await requestDeploy(replica.url, tokens.requester, commit);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', sha: commit });
    requests.push({ id: created.body.id, commit });
  }

  // The approver approves each on both replicas at the same moment: one
  // approval wins, the other is told it was reviewed meanwhile.
  for (const request of requests) {
    const answers = await Promise.all([
      approve(a.url, tokens.approver, request.id),
      approve(b.url, tokens.approver, request.id),
    ]);
    expect(answers.map(r => r.status).sort()).toEqual([200, 409]);
  }

  const rows = await deployRows(
    world.postgres.url('finops_portal'),
    requests.map(r => r.id),
  );
  expect(rows).toHaveLength(requests.length);
  for (const row of rows) {
    expect(row).toMatchObject({
      status: 'dispatched',
      requested_by: USERS.requester,
      reviewed_by: USERS.approver,
    });
    expect(row.message).toMatch(/Argo CD is syncing/);
  }
  // Argo CD was asked to sync each commit exactly once.
  const syncs = syncsByCommit(world);
  for (const request of requests) {
    expect(syncs.get(request.commit)).toBe(1);
  }
});
