import { ResponseError } from '@backstage/errors';
import { backendAnswering } from '@finops/ui/testUtils';
import { PolicyClient } from './PolicyClient';
import { errorMessage, isForbidden } from '@finops/ui';

function clientAnswering(status: number, body: unknown) {
  const backend = backendAnswering(status, body);
  return { client: new PolicyClient(backend), ...backend };
}

describe('PolicyClient', () => {
  it('asks for an entity by its lower-case kind', async () => {
    const { client, fetch } = clientAnswering(200, {
      entityRef: 'component:default/payments-api',
      status: 'pass',
      revision: 'abc',
      evaluatedAt: '2026-06-02T08:00:00.000Z',
      reason: null,
      violations: [],
      excepted: [],
      exceptions: [],
    });

    const compliance = await client.getEntityCompliance({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    });

    expect(fetch.mock.calls[0][0]).toBe(
      'http://backstage/api/policy/entities/component/default/payments-api/compliance',
    );
    expect(compliance.status).toBe('pass');
  });

  it('turns a refusal into an error carrying the server message', async () => {
    const { client, fetch } = clientAnswering(403, {
      error: {
        name: 'NotAllowedError',
        message: 'You cannot approve an exception you requested',
      },
      response: { statusCode: 403 },
    });

    const error = await client
      .approveException('7f1c2b9e', 'looks fine')
      .catch(e => e);

    expect(fetch.mock.calls[0][1]).toMatchObject({
      method: 'POST',
      body: JSON.stringify({ comment: 'looks fine' }),
    });
    expect(ResponseError.is(error)).toBe(true);
    expect(isForbidden(error)).toBe(true);
    expect(errorMessage(error)).toBe(
      'You cannot approve an exception you requested',
    );
  });

  it('passes decision log filters and the cursor as query parameters', async () => {
    const { client, fetch } = clientAnswering(200, {
      items: [],
      nextCursor: '41',
    });

    const page = await client.listDecisions({
      decisionPoint: 'deploy',
      allow: false,
      before: '42',
    });

    const url = new URL(String(fetch.mock.calls[0][0]));
    expect(url.pathname).toBe('/api/policy/decisions');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      decisionPoint: 'deploy',
      allow: 'false',
      before: '42',
    });
    expect(page.nextCursor).toBe('41');
  });
});
