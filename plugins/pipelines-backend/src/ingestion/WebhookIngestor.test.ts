import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import {
  exampleRepoEntities,
  githubExample,
} from '../__testUtils__/githubExamples';
import {
  migratedDatabase,
  storeDatabases,
} from '../__testUtils__/storeDatabase';
import { ChangeStore } from '../database/ChangeStore';
import { DeliveryStore } from '../database/DeliveryStore';
import { DeploymentStore } from '../database/DeploymentStore';
import { RunStore } from '../database/RunStore';
import { CatalogEntityIndex } from './CatalogEntityIndex';
import { WebhookIngestor } from './WebhookIngestor';

jest.setTimeout(60_000);

const HELLO_WORLD = 'component:default/hello-world';
const OCTO_REPO = 'component:default/octo-repo';

describe.each(storeDatabases.eachSupportedId())('WebhookIngestor on %p', id => {
  let db: Knex;
  let runs: RunStore;
  let deployments: DeploymentStore;
  let ingestor: WebhookIngestor;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let sequence = 0;

  beforeEach(async () => {
    db = await migratedDatabase(id);
    runs = RunStore.create(db);
    deployments = DeploymentStore.create(db);
    logger = mockServices.logger.mock();
    ingestor = WebhookIngestor.create({
      db,
      runs,
      deployments,
      changes: ChangeStore.create(db),
      deliveries: DeliveryStore.create(db),
      entities: CatalogEntityIndex.create({
        catalog: catalogServiceMock({ entities: exampleRepoEntities }),
        auth: mockServices.auth(),
      }),
      logger,
    });
  });

  function deliver(event: string, payload: unknown, deliveryId?: string) {
    sequence += 1;
    return ingestor.ingest({
      topic: event === 'argocd' ? 'argocd' : `github.${event}`,
      eventPayload: payload,
      metadata: {
        'x-github-event': event,
        'x-github-delivery': deliveryId ?? `delivery-${sequence}`,
      },
    });
  }

  async function count(table: string): Promise<number> {
    const [row] = await db(table).count({ n: '*' });
    return Number(row.n);
  }

  it('stores a real workflow_run delivery under the repository’s entity', async () => {
    const payload = githubExample('workflow_run', 1);
    payload.workflow_run.run_started_at = '2020-10-05T16:33:26Z';
    expect(await deliver('workflow_run', payload)).toBe('stored');

    const page = await runs.listRuns({ entityRef: OCTO_REPO });
    expect(page.items).toEqual([
      {
        id: String(payload.workflow_run.id),
        entityRef: OCTO_REPO,
        repository: 'octo-org/octo-repo',
        workflowName: payload.workflow_run.name,
        runNumber: payload.workflow_run.run_number,
        runAttempt: 1,
        event: payload.workflow_run.event,
        headBranch: payload.workflow_run.head_branch,
        headSha: payload.workflow_run.head_sha,
        actor: 'Codertocat',
        status: 'completed',
        conclusion: 'success',
        createdAt: new Date(payload.workflow_run.created_at).toISOString(),
        startedAt: new Date(payload.workflow_run.run_started_at).toISOString(),
        completedAt: new Date(payload.workflow_run.updated_at).toISOString(),
        durationMs: 23_000,
        htmlUrl: payload.workflow_run.html_url,
      },
    ]);
  });

  it('stores real workflow_job deliveries with their steps under their run', async () => {
    const job = githubExample('workflow_job', 0, 'completed');
    const run = githubExample('workflow_run', 0);
    run.workflow_run.id = job.workflow_job.run_id;
    expect(await deliver('workflow_run', run)).toBe('stored');
    expect(await deliver('workflow_job', job)).toBe('stored');

    const detail = await runs.getRun(String(job.workflow_job.run_id));
    expect(detail?.entityRef).toBe(HELLO_WORLD);
    expect(detail?.jobs).toHaveLength(1);
    expect(detail?.jobs[0]).toEqual(
      expect.objectContaining({
        id: String(job.workflow_job.id),
        name: 'linters',
        status: 'completed',
        conclusion: 'failure',
        durationMs: 198_000,
        runnerName: job.workflow_job.runner_name,
      }),
    );
    expect(detail?.jobs[0].steps).toHaveLength(job.workflow_job.steps.length);
    expect(detail?.jobs[0].steps[7]).toEqual({
      number: 8,
      name: 'Run yarn run format-check',
      status: 'completed',
      conclusion: 'failure',
      startedAt: '2021-08-05T10:26:27.000Z',
      completedAt: '2021-08-05T10:26:28.000Z',
    });
  });

  it('stores real deployment and deployment_status deliveries per environment', async () => {
    const deployment = githubExample('deployment', 0);
    const status = githubExample('deployment_status', 0);
    expect(await deliver('deployment', deployment)).toBe('stored');
    expect(await deliver('deployment_status', status)).toBe('stored');

    const [production] = await deployments.listEnvironments(HELLO_WORLD);
    expect(production.environment).toBe('production');
    expect(production.history).toHaveLength(1);
    expect(production.current).toEqual({
      id: '145988746',
      entityRef: HELLO_WORLD,
      environment: 'production',
      version: 'master',
      sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      status: 'success',
      triggeredBy: 'Codertocat',
      approvedBy: null,
      rollback: false,
      createdAt: '2019-05-15T15:20:53.000Z',
      updatedAt: '2019-05-15T15:20:55.000Z',
      url: null,
      source: 'github',
    });
  });

  it('stores a replayed delivery once', async () => {
    const payload = githubExample('workflow_run', 1);
    expect(await deliver('workflow_run', payload, 'guid-1')).toBe('stored');
    // A redelivery carries the same id, even if the run moved on since.
    payload.workflow_run.run_attempt = 2;
    expect(await deliver('workflow_run', payload, 'guid-1')).toBe('duplicate');

    expect(await count('pipeline_deliveries')).toBe(1);
    const [run] = (await runs.listRuns({ entityRef: OCTO_REPO })).items;
    expect(run.runAttempt).toBe(1);
  });

  it('never moves a run, job or deployment backwards', async () => {
    const completed = githubExample('workflow_run', 1);
    const inProgress = githubExample('workflow_run', 1);
    inProgress.workflow_run.status = 'in_progress';
    inProgress.workflow_run.conclusion = null;
    inProgress.workflow_run.updated_at = '2020-10-05T16:33:30Z';
    expect(await deliver('workflow_run', completed)).toBe('stored');
    expect(await deliver('workflow_run', inProgress)).toBe('stored');
    let [run] = (await runs.listRuns({ entityRef: OCTO_REPO })).items;
    expect(run).toEqual(
      expect.objectContaining({ status: 'completed', conclusion: 'success' }),
    );

    // A re-run is a new attempt: it replaces the completed one.
    const rerun = githubExample('workflow_run', 1);
    Object.assign(rerun.workflow_run, {
      run_attempt: 2,
      status: 'queued',
      conclusion: null,
      updated_at: '2020-10-05T17:00:00Z',
    });
    expect(await deliver('workflow_run', rerun)).toBe('stored');
    [run] = (await runs.listRuns({ entityRef: OCTO_REPO })).items;
    expect(run).toEqual(
      expect.objectContaining({ runAttempt: 2, status: 'queued' }),
    );

    const jobDone = githubExample('workflow_job', 0, 'completed');
    const jobQueued = githubExample('workflow_job', 0, 'queued');
    expect(await deliver('workflow_job', jobDone)).toBe('stored');
    expect(await deliver('workflow_job', jobQueued)).toBe('stored');
    const [job] = await db('pipeline_jobs');
    expect(job.status).toBe('completed');

    const success = githubExample('deployment_status', 0);
    const pending = githubExample('deployment', 0);
    const inactive = githubExample('deployment_status', 0);
    inactive.deployment_status.state = 'inactive';
    inactive.deployment_status.updated_at = '2019-05-16T00:00:00Z';
    for (const [event, payload] of [
      ['deployment_status', success],
      ['deployment', pending],
      ['deployment_status', inactive],
    ] as const) {
      expect(await deliver(event, payload)).toBe('stored');
    }
    const [production] = await deployments.listEnvironments(HELLO_WORLD);
    expect(production.current?.status).toBe('success');
  });

  it('refuses a malformed delivery without writing or logging its body', async () => {
    const payload = githubExample('workflow_run', 1);
    payload.workflow_run.status = 'exploded';
    payload.workflow_run.secret_token = 'ghp_do-not-log-me';
    expect(await deliver('workflow_run', payload, 'guid-bad')).toBe(
      'malformed',
    );

    // One bad commit spoils the whole push: no change of it is stored.
    const push = githubExample('push', 4);
    push.commits.push({ id: 'not-a-sha', timestamp: 'yesterday' });
    expect(await deliver('push', push)).toBe('malformed');

    expect(await count('pipeline_runs')).toBe(0);
    expect(await count('pipeline_changes')).toBe(0);
    expect(await count('pipeline_deliveries')).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(
      'Dropped a malformed delivery',
      expect.objectContaining({
        topic: 'github.workflow_run',
        deliveryId: 'guid-bad',
        issues: 'workflow_run.status: invalid_value',
      }),
    );
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('ghp_');
  });

  it('ignores deliveries of repositories no entity claims', async () => {
    const payload = githubExample('workflow_run', 1);
    payload.repository.full_name = 'someone-else/unrelated';
    expect(await deliver('workflow_run', payload)).toBe('unmapped');
    expect(await count('pipeline_runs')).toBe(0);
    expect(await count('pipeline_deliveries')).toBe(0);
  });

  it('records pushed commits and merged pull requests as changes', async () => {
    const push = githubExample('push', 4);
    expect(push.ref).toBe('refs/heads/master');
    expect(await deliver('push', push)).toBe('stored');

    const closedUnmerged = githubExample('pull_request', 0, 'closed');
    expect(await deliver('pull_request', closedUnmerged)).toBe('ignored');

    const merged = githubExample('pull_request', 0, 'closed');
    Object.assign(merged.pull_request, {
      merged: true,
      merged_at: '2019-05-15T15:20:40Z',
    });
    expect(await deliver('pull_request', merged)).toBe('stored');

    const tag = githubExample('push', 0);
    expect(await deliver('push', tag)).toBe('ignored');

    const changes = await db('pipeline_changes').orderBy('sha');
    expect(
      changes.map(c => ({
        entity: c.entity_ref,
        sha: c.sha,
        head: c.head_sha,
        at: new Date(Number(c.changed_at)).toISOString(),
      })),
    ).toEqual(
      [
        {
          entity: HELLO_WORLD,
          sha: push.commits[0].id,
          head: push.after,
          at: '2019-05-15T15:19:25.000Z',
        },
        {
          entity: HELLO_WORLD,
          sha: merged.pull_request.merge_commit_sha,
          head: merged.pull_request.merge_commit_sha,
          at: '2019-05-15T15:20:40.000Z',
        },
      ].sort((a, b) => a.sha.localeCompare(b.sha)),
    );
  });

  it('stores Argo CD syncs as deployments of the app’s entity', async () => {
    const sync = {
      app: 'hello-world-prod',
      revision: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      syncStatus: 'Synced',
      healthStatus: 'Progressing',
      phase: 'Succeeded',
      startedAt: '2026-12-01T10:00:00Z',
      finishedAt: '2026-12-01T10:01:00Z',
    };
    expect(await deliver('argocd', sync)).toBe('stored');
    expect(
      await deliver('argocd', {
        ...sync,
        healthStatus: 'Healthy',
        finishedAt: '2026-12-01T10:03:00Z',
      }),
    ).toBe('stored');
    expect(await deliver('argocd', { ...sync, app: 'Bad App!' })).toBe(
      'malformed',
    );

    const [production] = await deployments.listEnvironments(HELLO_WORLD);
    expect(production.current).toEqual(
      expect.objectContaining({
        id: 'argocd:hello-world-prod:1796119200000',
        source: 'argocd',
        status: 'success',
        sha: sync.revision,
        triggeredBy: 'argocd',
        updatedAt: '2026-12-01T10:03:00.000Z',
      }),
    );
  });
});
