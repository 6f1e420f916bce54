import { ResponseError } from '@backstage/errors';
import { backendAnswering } from '@finops/ui/testUtils';
import { PipelinesClient } from './PipelinesClient';
import { errorMessage, isForbidden } from '@finops/ui';

function clientAnswering(status: number, body: unknown) {
  const backend = backendAnswering(status, body);
  return { client: new PipelinesClient(backend), ...backend };
}

describe('PipelinesClient', () => {
  it('passes run filters and the cursor as query parameters', async () => {
    const { client, requestedUrl } = clientAnswering(200, {
      items: [],
      nextCursor: '9001',
    });

    const page = await client.listRuns({
      entityRef: 'component:default/card-payments',
      branch: 'main',
      status: 'completed',
      before: '9100',
      limit: 25,
    });

    expect(requestedUrl().pathname).toBe('/api/pipelines/runs');
    expect(Object.fromEntries(requestedUrl().searchParams)).toEqual({
      entityRef: 'component:default/card-payments',
      branch: 'main',
      status: 'completed',
      before: '9100',
      limit: '25',
    });
    expect(page.nextCursor).toBe('9001');
  });

  it('sends the DORA range as `since` and `until`', async () => {
    const { client, requestedUrl } = clientAnswering(200, {});

    await client.getDoraMetrics({
      owner: 'group:default/payments',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-06-01T00:00:00.000Z',
    });

    expect(requestedUrl().pathname).toBe('/api/pipelines/dora');
    expect(Object.fromEntries(requestedUrl().searchParams)).toEqual({
      owner: 'group:default/payments',
      since: '2026-03-01T00:00:00.000Z',
      until: '2026-06-01T00:00:00.000Z',
    });
  });

  it('returns the environments of the list', async () => {
    const { client, requestedUrl } = clientAnswering(200, {
      items: [{ environment: 'production', current: null, history: [] }],
    });

    const environments = await client.listEnvironments(
      'component:default/card-payments',
      { historyLimit: 10 },
    );

    expect(requestedUrl().pathname).toBe('/api/pipelines/environments');
    expect(requestedUrl().searchParams.get('historyLimit')).toBe('10');
    expect(environments.map(e => e.environment)).toEqual(['production']);
  });

  it('posts the deploy to check as the request body', async () => {
    const { client, requestedUrl, sent } = clientAnswering(200, {
      outcome: 'approval-required',
    });
    const input = {
      entityRef: 'component:default/card-payments',
      action: 'promote' as const,
      environment: 'production',
      version: 'v1.5.0',
    };

    const check = await client.checkDeploy(input);

    expect(requestedUrl().pathname).toBe('/api/pipelines/deploy-checks');
    expect(sent()).toEqual({ method: 'POST', body: input });
    expect(check.outcome).toBe('approval-required');
  });

  it("approves a deploy request with the reviewer's comment", async () => {
    const { client, requestedUrl, sent } = clientAnswering(200, {
      id: 'r-1',
      status: 'dispatched',
    });

    const request = await client.approveDeployRequest('r-1', 'Looks good');

    expect(requestedUrl().pathname).toBe(
      '/api/pipelines/deploy-requests/r-1/approve',
    );
    expect(sent()).toEqual({ method: 'POST', body: { comment: 'Looks good' } });
    expect(request.status).toBe('dispatched');
  });

  it("lists an entity's deploy requests", async () => {
    const { client, requestedUrl } = clientAnswering(200, {
      items: [{ id: 'r-1' }],
    });

    const requests = await client.listDeployRequests({
      entityRef: 'component:default/card-payments',
      limit: 50,
    });

    expect(requestedUrl().pathname).toBe('/api/pipelines/deploy-requests');
    expect(Object.fromEntries(requestedUrl().searchParams)).toEqual({
      entityRef: 'component:default/card-payments',
      limit: '50',
    });
    expect(requests.map(r => r.id)).toEqual(['r-1']);
  });

  it('turns a refusal into an error carrying the server message', async () => {
    const { client, requestedUrl } = clientAnswering(403, {
      error: { name: 'NotAllowedError', message: 'Missing pipelines.read' },
      response: { statusCode: 403 },
    });

    const error = await client.getRun('123456').catch(e => e);

    expect(requestedUrl().pathname).toBe('/api/pipelines/runs/123456');
    expect(ResponseError.is(error)).toBe(true);
    expect(isForbidden(error)).toBe(true);
    expect(errorMessage(error)).toBe('Missing pipelines.read');
  });
});
