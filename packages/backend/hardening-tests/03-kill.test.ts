/*
 * kill -9 of a replica while it takes GitHub deliveries and deploy
 * approvals, then a restart on the same database: nothing it acknowledged
 * is lost, nothing is half-written (a delivery claimed without its row, a
 * deploy approved without its reviewer, a deploy run twice), and what it
 * never acknowledged goes through when sent again, as GitHub redelivers.
 */
import { Delivery } from './support/deliveries';
import { Load } from './support/load';
import { call, deliver, expect, pool, sql, test } from './support/portal';
import {
  approve,
  deployRows,
  signInBoth,
  storedDeliveryIds,
  syncsByCommit,
  USERS,
} from './support/workloads';

/** The table and key of the row a delivery writes. */
function rowOf(
  delivery: Delivery,
): [table: string, column: string, key: string] {
  const body = JSON.parse(delivery.body);
  switch (delivery.event) {
    case 'workflow_run':
      return ['pipeline_runs', 'id', String(body.workflow_run.id)];
    case 'workflow_job':
      return ['pipeline_jobs', 'id', String(body.workflow_job.id)];
    case 'deployment_status':
      return ['pipeline_deployments', 'id', String(body.deployment.id)];
    default:
      return ['pipeline_changes', 'sha', body.after];
  }
}

async function rowsPresent(databaseUrl: string, deliveries: Delivery[]) {
  const present = new Set<string>();
  for (const table of [
    'pipeline_runs',
    'pipeline_jobs',
    'pipeline_deployments',
    'pipeline_changes',
  ]) {
    const of = deliveries.map(rowOf).filter(([t]) => t === table);
    if (of.length === 0) continue;
    const column = of[0][1];
    const rows = await sql(
      databaseUrl,
      `SELECT ${column} AS key FROM pipelines.${table} WHERE ${column} = ANY($1)`,
      [of.map(([, , key]) => key)],
    );
    rows.forEach(r => present.add(`${table}:${r.key}`));
  }
  return (delivery: Delivery) => {
    const [table, , key] = rowOf(delivery);
    return present.has(`${table}:${key}`);
  };
}

test('kill -9 during ingestion and approvals loses nothing acknowledged', async ({
  world,
}) => {
  const database = world.postgres.url('finops_portal');
  const b = world.replica('b');
  const tokens = await signInBoth(world);
  const a = world.replica('a');
  const load = Load.start(world, {
    deliveriesTo: () => [a],
    deploysOn: () => a,
    tokens,
    concurrency: 6,
  });
  await expect
    .poll(() => load.deploys.filter(d => d.approved?.ackedAt).length, {
      timeout: 60_000,
    })
    .toBeGreaterThanOrEqual(3);
  process.kill(a.pid, 'SIGKILL');
  await load.stop();

  // The other replica goes on serving people meanwhile.
  const meanwhile = await call(
    b.url,
    '/api/pipelines/deploy-requests?limit=5',
    {
      token: tokens.approver,
    },
  );
  expect(meanwhile.status).toBe(200);

  const restartStartedAt = Date.now();
  const restarted = await world.startReplica('a', 'finops_portal', 'requester');
  const restartSeconds = (Date.now() - restartStartedAt) / 1000;

  // Deliveries: every acknowledged one stored; every stored one with its row.
  const sent = load.deliveries;
  const acked = sent.filter(d => d.ackedAt !== undefined).map(d => d.item);
  const unacked = sent.filter(d => d.ackedAt === undefined).map(d => d.item);
  expect(acked.length).toBeGreaterThan(20);
  const stored = await storedDeliveryIds(
    database,
    sent.map(d => d.item),
  );
  expect(acked.filter(d => !stored.has(d.id)).map(d => d.id)).toEqual([]);
  const hasRow = await rowsPresent(
    database,
    sent.map(d => d.item),
  );
  const claimedWithoutRow = sent
    .map(d => d.item)
    .filter(d => stored.has(d.id) && !hasRow(d));
  expect(claimedWithoutRow.map(d => d.id)).toEqual([]);

  // GitHub redelivers what got no answer: all of it is stored now, once.
  const redelivered = await pool(unacked, 4, d =>
    deliver(restarted.url, d, world.webhookSecret),
  );
  expect(redelivered.filter(s => s !== 202)).toEqual([]);
  const storedAfter = await storedDeliveryIds(
    database,
    sent.map(d => d.item),
  );
  expect(storedAfter.size).toBe(sent.length);
  const hasRowAfter = await rowsPresent(
    database,
    sent.map(d => d.item),
  );
  expect(
    sent
      .map(d => d.item)
      .filter(d => !hasRowAfter(d))
      .map(d => d.id),
  ).toEqual([]);

  // Deploys: every acknowledged request and approval is there, decided by
  // its approver, and ran once; none was decided without a reviewer.
  const created = load.deploys.filter(d => d.id);
  const rows = new Map(
    (
      await deployRows(
        database,
        created.map(d => d.id!),
      )
    ).map(r => [r.id, r]),
  );
  expect(created.filter(d => !rows.has(d.id!)).map(d => d.id)).toEqual([]);
  const syncs = syncsByCommit(world);
  for (const deploy of created) {
    const row = rows.get(deploy.id!)!;
    if (deploy.approved?.ackedAt) {
      expect(row).toMatchObject({
        status: 'dispatched',
        reviewed_by: USERS.approver,
      });
      expect(row.message).toMatch(/Argo CD is syncing/);
      expect(syncs.get(deploy.commit)).toBe(1);
    } else if (row.status === 'pending') {
      expect(row.reviewed_by).toBeNull();
      expect(syncs.get(deploy.commit) ?? 0).toBe(0);
      // The approval that got no answer is simply given again.
      const again = await approve(restarted.url, tokens.approver, deploy.id!);
      expect(again.status).toBe(200);
    } else {
      expect(row).toMatchObject({
        status: 'dispatched',
        reviewed_by: USERS.approver,
      });
      expect(row.reviewed_at).not.toBeNull();
      expect(syncs.get(deploy.commit) ?? 0).toBeLessThanOrEqual(1);
    }
  }
  // A request whose creation got no answer exists at most once.
  const unansweredCommits = load.deploys.filter(d => !d.id).map(d => d.commit);
  const perCommit = await sql(
    database,
    `SELECT sha, count(*)::int AS n FROM pipelines.pipeline_deploy_requests
      WHERE sha = ANY($1) GROUP BY sha`,
    [unansweredCommits],
  );
  expect(perCommit.filter(r => r.n > 1)).toEqual([]);

  // eslint-disable-next-line no-console
  console.log(
    `kill -9: ${acked.length} deliveries and ${
      created.filter(d => d.approved?.ackedAt).length
    } approvals acknowledged before the kill, ${
      unacked.length
    } deliveries unanswered and redelivered; restart took ${restartSeconds} s`,
  );
});
