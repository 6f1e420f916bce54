import { randomBytes } from 'node:crypto';
import { Delivery, pushOf, unit, Unit } from './deliveries';
import { call, deliver, pool, signIn, sql } from './portal';
import { Replica, USERS, World } from './world';

/** The entity deploys are asked for: owned by both users, with SLOs. */
export const DEPLOYED_ENTITY = 'component:default/onboarding-service';
export const DEPLOYED_REPOSITORY = 'finops-example/onboarding-service';
/** Repositories the deliveries go to (their entities are in the catalog). */
export const REPOSITORIES = [
  'finops-example/card-payments',
  'finops-example/ledger-service',
  'finops-example/payments-gateway',
  DEPLOYED_REPOSITORY,
];
/** Writes a commit nobody of the reviewers wrote (separation of duties). */
export const AUTHOR = 'hardening-author';

export interface Tokens {
  requester: string;
  approver: string;
}

/** Each person signs in on the replica configured for them. */
export async function signInBoth(world: World): Promise<Tokens> {
  return {
    requester: await signIn(world.replica('a').url),
    approver: await signIn(world.replica('b').url),
  };
}

/** A unit of deliveries for the `index`th repository. */
export function units(count: number): Unit[] {
  return Array.from({ length: count }, (_, i) =>
    unit(REPOSITORIES[i % REPOSITORIES.length], AUTHOR),
  );
}

/** What the pipelines schema holds of these units' rows. */
export async function storedRows(databaseUrl: string, of: Unit[]) {
  const count = async (table: string, column: string, ids: string[]) =>
    Number(
      (
        await sql(
          databaseUrl,
          `SELECT count(*)::int AS n FROM pipelines.${table} WHERE ${column} = ANY($1)`,
          [ids],
        )
      )[0].n,
    );
  return {
    deliveries: await count(
      'pipeline_deliveries',
      'delivery_id',
      of.flatMap(u => u.deliveries.map(d => d.id)),
    ),
    runs: await count(
      'pipeline_runs',
      'id',
      of.map(u => u.runId),
    ),
    jobs: await count(
      'pipeline_jobs',
      'id',
      of.map(u => u.jobId),
    ),
    deployments: await count(
      'pipeline_deployments',
      'id',
      of.map(u => u.deploymentId),
    ),
    changes: await count(
      'pipeline_changes',
      'sha',
      of.map(u => u.commit),
    ),
  };
}

/** Delivery ids stored, of these. */
export async function storedDeliveryIds(
  databaseUrl: string,
  deliveries: Delivery[],
): Promise<Set<string>> {
  const rows = await sql(
    databaseUrl,
    'SELECT delivery_id FROM pipelines.pipeline_deliveries WHERE delivery_id = ANY($1)',
    [deliveries.map(d => d.id)],
  );
  return new Set(rows.map(r => r.delivery_id));
}

/**
 * A commit of onboarding-service, pushed by someone who reviews nothing:
 * what production deploys in these tests ship.
 */
export async function pushDeployableCommit(
  world: World,
  replica: Replica,
): Promise<string> {
  const commit = randomBytes(20).toString('hex');
  const push = pushOf(DEPLOYED_REPOSITORY, commit, AUTHOR);
  const status = await deliver(replica.url, push, world.webhookSecret);
  if (status !== 202) throw new Error(`push answered ${status}`);
  return commit;
}

/** Asks for a production deploy of `version`: pending an approval. */
export function requestDeploy(baseUrl: string, token: string, version: string) {
  return call(baseUrl, '/api/pipelines/deploy-requests', {
    token,
    body: {
      entityRef: DEPLOYED_ENTITY,
      action: 'deploy',
      environment: 'production',
      version,
    },
  });
}

export function approve(baseUrl: string, token: string, id: string) {
  return call(baseUrl, `/api/pipelines/deploy-requests/${id}/approve`, {
    token,
    body: { comment: 'Reviewed in the hardening tests' },
  });
}

export interface DeployRow {
  id: string;
  status: string;
  requested_by: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  message: string | null;
  sha: string | null;
}

export async function deployRows(
  databaseUrl: string,
  ids: string[],
): Promise<DeployRow[]> {
  return sql<DeployRow>(
    databaseUrl,
    `SELECT id, status, requested_by, reviewed_by, reviewed_at, message, sha
       FROM pipelines.pipeline_deploy_requests WHERE id = ANY($1)`,
    [ids],
  );
}

/** Argo CD syncs asked for onboarding-service's production, by commit. */
export function syncsByCommit(world: World): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of world.argocd.calls) {
    if (c.path.endsWith('/onboarding-service-prod/sync')) {
      counts.set(c.body.revision, (counts.get(c.body.revision) ?? 0) + 1);
    }
  }
  return counts;
}

export { USERS, pool };
