import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { EventParams } from '@backstage/plugin-events-node';
import { eventsServiceFactory } from './eventsService';

const delivery: EventParams = {
  topic: 'github.workflow_run',
  eventPayload: { action: 'completed' },
  metadata: { 'x-github-delivery': 'delivery-1' },
};

// The replicas' event bus is not under test: every plugin here is local.
const tester = () =>
  ServiceFactoryTester.from(eventsServiceFactory, {
    dependencies: [
      mockServices.discovery.factory(),
      mockServices.rootConfig.factory({
        data: { events: { useEventBus: 'never' } },
      }),
    ],
  });

describe('eventsServiceFactory', () => {
  it('acknowledges a webhook delivery once every subscriber has taken it', async () => {
    const services = tester();
    const ingress = await services.getSubject('events');
    const pipelines = await services.getSubject('pipelines');
    const taken: EventParams[] = [];
    await pipelines.subscribe({
      id: 'ingest',
      topics: ['github.workflow_run'],
      onEvent: async params => {
        taken.push(params);
      },
    });

    await expect(ingress.publish(delivery)).resolves.toBeUndefined();
    expect(taken).toEqual([delivery]);
  });

  it('refuses a webhook delivery a subscriber could not take, so that it is sent again', async () => {
    const services = tester();
    const ingress = await services.getSubject('events');
    const pipelines = await services.getSubject('pipelines');
    const signals = await services.getSubject('signals');
    await pipelines.subscribe({
      id: 'ingest',
      topics: ['github.workflow_run'],
      onEvent: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
    });
    const others: EventParams[] = [];
    await signals.subscribe({
      id: 'relay',
      topics: ['github.workflow_run'],
      onEvent: async params => {
        others.push(params);
      },
    });

    const refused = ingress.publish(delivery);
    await expect(refused).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'pipelines.ingest could not take this github.workflow_run event; send it again later',
    });
    // The other subscribers still had it; the database error stays in the log.
    expect(others).toEqual([delivery]);
    await expect(refused).rejects.not.toMatchObject({
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('refuses a delivery the events plugin routes on when the final subscriber fails', async () => {
    // As the github module does: the ingress publishes `github`, a router
    // in the events plugin republishes it as `github.<event>`.
    const services = tester();
    const ingress = await services.getSubject('events');
    const pipelines = await services.getSubject('pipelines');
    await ingress.subscribe({
      id: 'GithubEventRouter',
      topics: ['github'],
      onEvent: params =>
        ingress.publish({ ...params, topic: 'github.workflow_run' }),
    });
    await pipelines.subscribe({
      id: 'ingest',
      topics: ['github.workflow_run'],
      onEvent: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
    });

    await expect(
      ingress.publish({ ...delivery, topic: 'github' }),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'pipelines.ingest could not take this github.workflow_run event; send it again later',
    });
  });
});
