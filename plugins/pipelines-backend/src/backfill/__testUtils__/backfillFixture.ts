import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { RunBackfiller } from '../RunBackfiller';
import { RunStore } from '../../database/RunStore';
import { GithubClient } from '../../github/GithubClient';
import { GithubApiServer } from '../../__testUtils__/githubApiServer';
import { PipelineSignals } from '../../PipelineSignals';

export const GITHUB_TOKEN = 'ghs_backfilltoken0123456789abcdef';

export function repoEntity(name: string, slug: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'github.com/project-slug': slug },
    },
    spec: { type: 'service', owner: 'octo-team' },
  };
}

/**
 * A backfiller on `knex` against the test GitHub server, with a catalog of
 * `entities` and a clock the test moves.
 */
export function backfillerFor(options: {
  knex: Knex;
  server: GithubApiServer;
  entities: Entity[];
  clock: { now: number };
  rateLimitReserve?: number;
}) {
  const logger = mockServices.logger.mock();
  const runs = RunStore.create(options.knex);
  const signals = { changed: jest.fn() };
  const github = GithubClient.fromConfig(
    new ConfigReader({
      integrations: {
        github: [
          {
            host: 'github.com',
            apiBaseUrl: options.server.apiBaseUrl,
            token: GITHUB_TOKEN,
          },
        ],
      },
    }),
    { retryDelayMs: 1 },
  );
  const backfiller = RunBackfiller.create({
    db: options.knex,
    runs,
    github,
    catalog: catalogServiceMock({ entities: options.entities }),
    auth: mockServices.auth(),
    logger,
    lookbackHours: 24,
    rateLimitReserve: options.rateLimitReserve ?? 0,
    signals: signals as unknown as PipelineSignals,
    now: () => options.clock.now,
  });
  return { backfiller, runs, logger, github, signals };
}
