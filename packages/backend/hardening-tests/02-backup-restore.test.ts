/*
 * The backup and restore drill of docs/operations.md ("Database backups"),
 * run the way an operator runs it: scripts/db-backup.sh while both
 * replicas take deliveries and approvals, scripts/db-restore.sh into a new
 * database, a backend started on it. Every write acknowledged before the
 * dump started must be in the restored portal. The figures printed are the
 * drill's recovery time on this machine.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Load } from './support/load';
import { call, expect, sql, test } from './support/portal';
import {
  deployRows,
  signInBoth,
  storedDeliveryIds,
  USERS,
} from './support/workloads';
import { STATE_DIR } from './support/world';

const run = promisify(execFile);
const SCRIPTS = resolve(__dirname, '../../../scripts');

test('a backup taken under load restores every acknowledged write', async ({
  world,
}) => {
  const a = world.replica('a');
  const b = world.replica('b');
  const tokens = await signInBoth(world);
  const env = { ...process.env, ...world.postgres.libpqEnv };
  const file = join(STATE_DIR, 'finops_portal.dump');

  const load = Load.start(world, {
    deliveriesTo: () => [a, b],
    deploysOn: () => b,
    tokens,
    concurrency: 4,
  });
  await new Promise(r => setTimeout(r, 4_000));

  const dumpStartedAt = Date.now();
  const backup = await run(
    join(SCRIPTS, 'db-backup.sh'),
    ['finops_portal', file],
    { env },
  );
  const dumpMs = Date.now() - dumpStartedAt;
  // The writes go on a little after the dump, as they would.
  await new Promise(r => setTimeout(r, 1_000));
  await load.stop();

  const restoreStartedAt = Date.now();
  const restore = await run(
    join(SCRIPTS, 'db-restore.sh'),
    [file, 'finops_restored'],
    { env },
  );
  const restoreMs = Date.now() - restoreStartedAt;

  const startStartedAt = Date.now();
  const restored = await world.startReplica(
    'restored',
    'finops_restored',
    'approver',
    {
      backfill: false,
    },
  );
  const startMs = Date.now() - startStartedAt;

  try {
    const acked = load.ackedDeliveriesBefore(dumpStartedAt);
    const ackedDeploys = load.deploys.filter(
      d =>
        d.created?.ackedAt !== undefined && d.created.ackedAt < dumpStartedAt,
    );
    const ackedApprovals = ackedDeploys.filter(
      d =>
        d.approved?.ackedAt !== undefined && d.approved.ackedAt < dumpStartedAt,
    );
    expect(acked.length).toBeGreaterThan(20);
    expect(ackedApprovals.length).toBeGreaterThan(0);

    // In the restored database: every acknowledged delivery, and each of
    // those runs served by the backend started on it.
    const restoredUrl = world.postgres.url('finops_restored');
    const stored = await storedDeliveryIds(restoredUrl, acked);
    expect(acked.filter(d => !stored.has(d.id)).map(d => d.id)).toEqual([]);
    for (const delivery of acked.filter(d => d.event === 'workflow_run')) {
      const runId = String(JSON.parse(delivery.body).workflow_run.id);
      const answer = await call(restored.url, `/api/pipelines/runs/${runId}`, {
        token: world.serviceToken,
      });
      expect(answer.status, `run ${runId}`).toBe(200);
    }
    // Every deploy request acknowledged before the dump, and every
    // approval, with who decided it.
    const rows = new Map(
      (
        await deployRows(
          restoredUrl,
          ackedDeploys.map(d => d.id!),
        )
      ).map(r => [r.id, r]),
    );
    expect(ackedDeploys.filter(d => !rows.has(d.id!)).map(d => d.id)).toEqual(
      [],
    );
    for (const approval of ackedApprovals) {
      expect(rows.get(approval.id!)).toMatchObject({
        status: 'dispatched',
        reviewed_by: USERS.approver,
      });
    }
    const viaApi = await call(
      restored.url,
      `/api/pipelines/deploy-requests/${ackedApprovals[0].id}`,
      { token: world.serviceToken },
    );
    expect(viaApi.body).toMatchObject({
      status: 'dispatched',
      reviewedBy: USERS.approver,
    });

    // Nothing of the source is missing either way: the restored database
    // has every plugin's schema the source has.
    const schemas = (database: string) =>
      sql(
        world.postgres.url(database),
        `SELECT schema_name FROM information_schema.schemata
          WHERE schema_name NOT LIKE 'pg\\_%' AND schema_name <> 'information_schema'
          ORDER BY 1`,
      ).then(r => r.map(x => x.schema_name));
    expect(await schemas('finops_restored')).toEqual(
      await schemas('finops_portal'),
    );

    const figures = {
      acknowledgedBeforeDump: {
        deliveries: acked.length,
        deployRequests: ackedDeploys.length,
        approvals: ackedApprovals.length,
      },
      writtenDuringTheDrill: load.deliveries.length,
      dumpSeconds: dumpMs / 1000,
      restoreSeconds: restoreMs / 1000,
      backendStartSeconds: startMs / 1000,
      totalSeconds: (dumpMs + restoreMs + startMs) / 1000,
    };
    // eslint-disable-next-line no-console
    console.log(
      `backup and restore drill: ${backup.stdout.trim()}; ${restore.stdout.trim()}\n${JSON.stringify(
        figures,
        null,
        2,
      )}`,
    );
    await writeFile(
      join(STATE_DIR, 'backup-drill.json'),
      JSON.stringify(figures, null, 2),
    );
  } finally {
    await world.stopReplica('restored');
    await world.postgres.query(
      'DROP DATABASE IF EXISTS finops_restored WITH (FORCE)',
    );
  }
});
