import request from 'supertest';
import {
  GithubApiServer,
  restArtifact,
  restJob,
  restWorkflowRun,
} from '../__testUtils__/githubApiServer';
import { exampleRepoEntities } from '../__testUtils__/githubExamples';
import { storeDatabases } from '../__testUtils__/storeDatabase';
import { startPipelinesBackend } from '../__testUtils__/testBackend';
import { backfillerFor, GITHUB_TOKEN } from './__testUtils__/backfillFixture';

jest.setTimeout(60_000);

const REPO = 'octo-org/octo-repo';

describe.each(storeDatabases.eachSupportedId())(
  'backfilled runs in the API on %p',
  id => {
    let server: GithubApiServer;

    beforeEach(async () => {
      server = await GithubApiServer.start({ token: GITHUB_TOKEN });
    });

    afterEach(async () => {
      await server.close();
    });

    it('serves the jobs and artifacts the backfill read with GET /runs/{runId}', async () => {
      const knex = await storeDatabases.init(id);
      const backend = await startPipelinesBackend({ knex });
      const clock = { now: Date.now() };
      const run = restWorkflowRun(REPO, { id: 777, createdAt: clock.now });
      server.addRepository(REPO, {
        runs: [run],
        jobs: { 777: [restJob(run, { id: 7771, name: 'deploy' })] },
        artifacts: {
          777: [
            restArtifact(run, { id: 9, name: 'sbom', sizeInBytes: 4096 }),
            restArtifact(run, {
              id: 8,
              name: 'coverage',
              digest: null,
              expired: true,
            }),
          ],
        },
      });
      const { backfiller } = backfillerFor({
        knex,
        server,
        entities: exampleRepoEntities,
        clock,
      });
      await backfiller.sweep();

      const res = await request(backend.server).get('/api/pipelines/runs/777');

      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          id: '777',
          entityRef: 'component:default/octo-repo',
          status: 'completed',
          jobs: [expect.objectContaining({ id: '7771', name: 'deploy' })],
          artifacts: [
            {
              name: 'coverage',
              sizeBytes: 556,
              digest: null,
              url: `https://github.com/${REPO}/actions/runs/777/artifacts/8`,
              expired: true,
            },
            {
              name: 'sbom',
              sizeBytes: 4096,
              digest: `sha256:${'0123456789abcdef'.repeat(4)}`,
              url: `https://github.com/${REPO}/actions/runs/777/artifacts/9`,
              expired: false,
            },
          ],
        }),
      );
      await backend.stop();
    });
  },
);
