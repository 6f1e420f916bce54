import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { HttpErrorBudgetService } from './ErrorBudgetService';

const ENTITY = 'component:default/checkout';

describe('errorBudgetServiceRef', () => {
  let server: Server;
  let baseUrl: string;
  let reply: { status: number; body: string };
  const seen: Array<{ url?: string; authorization?: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  async function subject(url = baseUrl) {
    const discovery = {
      getBaseUrl: async (pluginId: string) => `${url}/api/${pluginId}`,
      getExternalBaseUrl: async (pluginId: string) => `${url}/api/${pluginId}`,
    };
    return HttpErrorBudgetService.create({
      discovery,
      auth: mockServices.auth(),
    });
  }

  it('reads the budget from the health backend on behalf of the caller', async () => {
    const budget = {
      entityRef: ENTITY,
      sloDeclared: true,
      errorBudgetRemaining: 0.42,
      status: 'ok',
      reason: 'availability: 42% of the error budget left',
    };
    reply = { status: 200, body: JSON.stringify(budget) };
    const service = await subject();
    await expect(
      service.getErrorBudget(ENTITY, {
        credentials: mockCredentials.user('user:default/alice'),
      }),
    ).resolves.toEqual(budget);
    const last = seen[seen.length - 1];
    expect(last.url).toBe(
      `/api/health/error-budget?entityRef=${encodeURIComponent(ENTITY)}`,
    );
    expect(last.authorization).toMatch(/^Bearer .+/);
  });

  it('turns an error answer into an unknown budget with the reason', async () => {
    reply = {
      status: 404,
      body: JSON.stringify({
        error: { name: 'NotFoundError', message: 'entity not found' },
      }),
    };
    const service = await subject();
    await expect(
      service.getErrorBudget(ENTITY, {
        credentials: mockCredentials.user(),
      }),
    ).resolves.toEqual({
      entityRef: ENTITY,
      sloDeclared: true,
      errorBudgetRemaining: null,
      status: 'unknown',
      reason: 'The health backend answered 404: entity not found',
    });
  });

  it('turns an unreachable health backend into an unknown budget', async () => {
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    const service = await subject(`http://127.0.0.1:${port}`);
    const budget = await service.getErrorBudget(ENTITY, {
      credentials: mockCredentials.user(),
    });
    expect(budget.errorBudgetRemaining).toBeNull();
    expect(budget.status).toBe('unknown');
    expect(budget.reason).toMatch(/^The health backend did not answer: /);
  });
});
