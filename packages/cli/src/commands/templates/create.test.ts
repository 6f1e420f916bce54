import {
  FakePortal,
  sendError,
  sendJson,
} from '../../__testUtils__/fakePortal';
import { runFinops } from '../../__testUtils__/runFinops';

const TASK = '6c1f3d2e-0000-4000-8000-000000000001';
const at = (s: number) =>
  new Date(Date.UTC(2025, 5, 1, 12, 0, s)).toISOString();

function event(id: number, type: string, body: object, second = id) {
  return { id, taskId: TASK, type, createdAt: at(second), body };
}

/** The scaffolder's API as the portal serves it, for one task. */
function scaffolder(portal: FakePortal, events: object[], finalStatus: string) {
  portal
    .on(
      'GET',
      '/api/scaffolder/v2/templates/default/template/techdocs-site/parameter-schema',
      (_req, res) =>
        sendJson(res, 200, {
          title: 'Docs site',
          steps: [
            {
              title: 'About',
              schema: {
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  public: { type: 'boolean' },
                },
              },
            },
          ],
        }),
    )
    .on('POST', '/api/scaffolder/v2/tasks', (_req, res) =>
      sendJson(res, 201, { id: TASK }),
    )
    .on('GET', `/api/scaffolder/v2/tasks/${TASK}`, (_req, res) =>
      sendJson(res, 200, {
        id: TASK,
        status: portal.requests.some(r => r.path.includes('/events'))
          ? finalStatus
          : 'processing',
        createdAt: at(0),
        spec: {
          steps: [
            {
              id: 'fetch',
              name: 'Generate the docs site',
              action: 'fetch:template',
            },
            {
              id: 'publish',
              name: 'Publish to GitHub',
              action: 'publish:github',
            },
          ],
        },
      }),
    )
    .on('GET', `/api/scaffolder/v2/tasks/${TASK}/events`, (_req, res) =>
      sendJson(res, 200, events),
    );
}

describe('finops create', () => {
  let portal: FakePortal;
  beforeEach(async () => {
    portal = await FakePortal.start();
  });
  afterEach(() => portal.close());

  it('streams the steps and prints the links when the task completes', async () => {
    scaffolder(
      portal,
      [
        event(1, 'log', {
          message: 'Beginning step Generate the docs site',
          stepId: 'fetch',
          status: 'processing',
        }),
        event(2, 'log', {
          message: '\u001b[32minfo\u001b[39m: Fetching template content',
          stepId: 'fetch',
        }),
        event(3, 'log', {
          message: 'Finished step',
          stepId: 'fetch',
          status: 'completed',
        }),
        event(4, 'log', {
          message: 'Beginning step',
          stepId: 'publish',
          status: 'processing',
        }),
        event(9, 'log', {
          message: 'Finished step',
          stepId: 'publish',
          status: 'completed',
        }),
        event(10, 'completion', {
          message: 'Run completed with status: completed',
          output: {
            links: [
              { title: 'Repository', url: 'https://github.com/acme/docs' },
              { title: 'Open in catalog', entityRef: 'component:default/docs' },
            ],
          },
        }),
      ],
      'completed',
    );
    const run = await runFinops(
      [
        'create',
        'techdocs-site',
        '--set',
        'name=docs',
        '--set',
        'public=yes',
        '--portal',
        portal.url,
      ],
      { env: { FINOPS_TOKEN: 't' } },
    );
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      [
        `Creating from template:default/techdocs-site: task ${TASK} (2 steps)`,
        '▸ [1/2] Generate the docs site',
        '    info: Fetching template content',
        '✔ [1/2] Generate the docs site (2 s)',
        '▸ [2/2] Publish to GitHub',
        '✔ [2/2] Publish to GitHub (5 s)',
        '',
        '✔ Created from template:default/techdocs-site.',
        '  Repository: https://github.com/acme/docs',
        `  Open in catalog: ${portal.url}/catalog/default/component/docs`,
        '',
      ].join('\n'),
    );
    const created = portal.requests.find(r => r.method === 'POST');
    expect(created?.body).toEqual({
      templateRef: 'template:default/techdocs-site',
      values: { name: 'docs', public: true },
    });
  });

  it('exits 1 naming the failing step, the log on stderr with --json', async () => {
    scaffolder(
      portal,
      [
        event(1, 'log', {
          message: 'Beginning step',
          stepId: 'fetch',
          status: 'processing',
        }),
        event(2, 'log', {
          message: 'Finished step',
          stepId: 'fetch',
          status: 'completed',
        }),
        event(3, 'log', {
          message: 'Beginning step',
          stepId: 'publish',
          status: 'processing',
        }),
        event(4, 'log', {
          message:
            'InputError: No token available for host: github.com\n    at Object.handler (publish.ts:1:1)',
          stepId: 'publish',
          status: 'failed',
        }),
        event(5, 'completion', {
          message: 'Run completed with status: failed',
          error: {
            name: 'Error',
            message: 'No token available for host: github.com',
          },
        }),
      ],
      'failed',
    );
    const run = await runFinops(
      [
        'create',
        'techdocs-site',
        '--set',
        'name=docs',
        '--json',
        '--portal',
        portal.url,
      ],
      { env: { FINOPS_TOKEN: 't' } },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      '✘ [2/2] Publish to GitHub (1 s)\n    No token available for host: github.com\n',
    );
    expect(run.stderr).not.toContain('at Object.handler');
    expect(JSON.parse(run.stdout)).toEqual({
      taskId: TASK,
      template: 'template:default/techdocs-site',
      status: 'failed',
      steps: [
        {
          id: 'fetch',
          name: 'Generate the docs site',
          status: 'completed',
          durationMs: 1000,
        },
        {
          id: 'publish',
          name: 'Publish to GitHub',
          status: 'failed',
          durationMs: 1000,
        },
      ],
      links: [],
      error: {
        step: { id: 'publish', name: 'Publish to GitHub' },
        message: 'No token available for host: github.com',
      },
    });
  });

  it('exits 5 for a template the catalog does not have', async () => {
    portal.on(
      'GET',
      '/api/scaffolder/v2/templates/default/template/nope/parameter-schema',
      (_req, res) => sendError(res, 404, 'NotFoundError', 'Template not found'),
    );
    const run = await runFinops(['create', 'nope', '--portal', portal.url], {
      env: { FINOPS_TOKEN: 't' },
    });
    expect(run.exitCode).toBe(5);
    expect(run.stderr).toBe(
      'finops: No template template:default/nope in the catalog: finops templates list shows them\n',
    );
  });

  it('exits 2 with the reasons when the scaffolder refuses the values', async () => {
    scaffolder(portal, [], 'completed');
    portal.on('POST', '/api/scaffolder/v2/tasks', (_req, res) =>
      sendJson(res, 400, {
        errors: [{ stack: 'instance.name does not match pattern "^[a-z]+$"' }],
      }),
    );
    const run = await runFinops(
      ['create', 'techdocs-site', '--set', 'name=Docs', '--portal', portal.url],
      {
        env: { FINOPS_TOKEN: 't' },
      },
    );
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'finops: The template refused the values: name does not match pattern "^[a-z]+$"\n',
    );
  });

  it('gives up with exit 6 when the portal stops answering mid-task', async () => {
    scaffolder(portal, [], 'processing');
    portal.on('GET', `/api/scaffolder/v2/tasks/${TASK}/events`, (_req, res) =>
      sendError(res, 502, 'BadGateway', 'upstream went away'),
    );
    const run = await runFinops(
      ['create', 'techdocs-site', '--set', 'name=docs', '--portal', portal.url],
      {
        env: { FINOPS_TOKEN: 't' },
      },
    );
    expect(run.exitCode).toBe(6);
    expect(run.stderr).toBe(
      `finops: The portal at ${portal.url} is unavailable (502): upstream went away\n`,
    );
  }, 15_000);
});
