import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import eventsPlugin from '@backstage/plugin-events-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { createHmac } from 'node:crypto';
import { dirname, join } from 'node:path';
import request from 'supertest';
import {
  exampleRepoEntities,
  githubExample,
} from './__testUtils__/githubExamples';
import { pipelinesPlugin } from './plugin';

jest.setTimeout(60_000);

const SECRET = "It's a Secret to Everybody";

/**
 * The github events module's two modules (signature check, topic router).
 * Its default export is a feature loader that `import()`s them, which jest
 * cannot run without --experimental-vm-modules; so they are required from
 * the package's dist directly. Same code, loaded without the loader.
 */
function githubEventsModules() {
  const dist = join(
    dirname(
      require.resolve(
        '@backstage/plugin-events-backend-module-github/package.json',
      ),
    ),
    'dist/service',
  );
  return [
    'eventsModuleGithubWebhook.cjs.js',
    'eventsModuleGithubEventRouter.cjs.js',
  ].map(file => require(join(dist, file)).default);
}

/** How GitHub signs a delivery (X-Hub-Signature-256). */
function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * The whole way a delivery takes in production: the events backend's HTTP
 * ingress, the github module's signature check and topic router, the
 * events service, and this plugin's subscription.
 */
describe('signed GitHub deliveries', () => {
  it('signs the way GitHub documents', () => {
    expect(sign('Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });

  /** What the signals service published (it goes out as events). */
  let signals: unknown[] = [];
  const signalsListener = createBackendModule({
    pluginId: 'events',
    moduleId: 'test-signals-listener',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'test-signals-listener',
            topics: ['signals'],
            onEvent: async params => {
              signals.push(params.eventPayload);
            },
          });
        },
      });
    },
  });

  async function start() {
    signals = [];
    const { server } = await startTestBackend({
      features: [
        signalsListener,
        eventsPlugin,
        ...githubEventsModules(),
        pipelinesPlugin,
        // One in-process events service for every plugin, as in production.
        eventsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            events: {
              useEventBus: 'never',
              modules: { github: { webhookSecret: SECRET } },
            },
          },
        }),
        catalogServiceMock.factory({ entities: exampleRepoEntities }),
      ],
    });
    return server;
  }

  function post(
    server: Awaited<ReturnType<typeof start>>,
    body: string,
    headers: Record<string, string>,
  ) {
    return request(server)
      .post('/api/events/http/github')
      .set('content-type', 'application/json')
      .set('x-github-event', 'workflow_run')
      .set(headers)
      .send(body);
  }

  async function storedRuns(server: Awaited<ReturnType<typeof start>>) {
    const res = await request(server).get(
      `/api/pipelines/runs?entityRef=${encodeURIComponent(
        'component:default/octo-repo',
      )}`,
    );
    expect(res.status).toBe(200);
    return res.body.items as Array<{ id: string }>;
  }

  it('stores a delivery with a good signature', async () => {
    const server = await start();
    const body = JSON.stringify(githubExample('workflow_run', 1));
    const res = await post(server, body, {
      'x-github-delivery': 'c0ffee00-0000-4000-8000-000000000001',
      'x-hub-signature-256': sign(body),
    });
    expect(res.status).toBe(202);
    expect((await storedRuns(server)).map(r => r.id)).toEqual(['289782451']);

    // Open entity pages hear of it, once for the burst, and a replay of
    // the same delivery says nothing new.
    await post(server, body, {
      'x-github-delivery': 'c0ffee00-0000-4000-8000-000000000001',
      'x-hub-signature-256': sign(body),
    });
    await waitFor(() => signals.length > 0);
    await new Promise(resolve => setTimeout(resolve, 1_200));
    expect(signals).toEqual([
      {
        recipients: { type: 'broadcast' },
        channel: 'pipelines',
        message: {
          entities: [
            { entityRef: 'component:default/octo-repo', changes: ['runs'] },
          ],
        },
      },
    ]);
  });

  it('refuses a wrong or missing signature and stores nothing', async () => {
    const server = await start();
    const body = JSON.stringify(githubExample('workflow_run', 1));
    const wrong = await post(server, body, {
      'x-github-delivery': 'c0ffee00-0000-4000-8000-000000000002',
      'x-hub-signature-256': sign(body, 'not the secret'),
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual({ message: 'invalid signature' });

    const missing = await post(server, body, {
      'x-github-delivery': 'c0ffee00-0000-4000-8000-000000000003',
    });
    expect(missing.status).toBe(403);

    const tampered = await post(server, body.replace('success', 'failure'), {
      'x-github-delivery': 'c0ffee00-0000-4000-8000-000000000004',
      'x-hub-signature-256': sign(body),
    });
    expect(tampered.status).toBe(403);

    expect(await storedRuns(server)).toEqual([]);
    await new Promise(resolve => setTimeout(resolve, 1_200));
    expect(signals).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}
