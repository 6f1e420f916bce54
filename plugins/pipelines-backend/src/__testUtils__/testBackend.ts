import {
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import { Knex } from 'knex';
import { pipelinesPlugin } from '../plugin';
import { exampleRepoEntities } from './githubExamples';

/**
 * The pipelines backend with a catalog of `entities`, and one events
 * service shared by every plugin so that a test can publish deliveries the
 * way the events backend does.
 */
export async function startPipelinesBackend(
  options: {
    knex?: Knex;
    config?: object;
    entities?: Entity[];
    extra?: ServiceFactory[];
  } = {},
): Promise<TestBackend & { events: EventsService }> {
  const events = mockServices.events();
  const backend = await startTestBackend({
    features: [
      pipelinesPlugin,
      mockServices.rootConfig.factory({ data: { ...options.config } }),
      catalogServiceMock.factory({
        entities: options.entities ?? exampleRepoEntities,
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => events,
      }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.extra ?? []),
    ],
  });
  return Object.assign(backend, { events });
}
