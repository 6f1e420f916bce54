import { ResponseError } from '@backstage/errors';
import { errorMessage } from '@finops/ui';
import { backendAnswering } from '@finops/ui/testUtils';
import { SecretsClient } from './SecretsClient';

function clientAnswering(status: number, body: unknown) {
  const backend = backendAnswering(status, body);
  return { client: new SecretsClient(backend), ...backend };
}

describe('SecretsClient', () => {
  it("asks for an entity's secrets by its ref", async () => {
    const { client, requestedUrl } = clientAnswering(200, {
      configured: false,
    });

    const secrets = await client.getEntitySecrets(
      'component:default/card-payments',
    );

    expect(requestedUrl().pathname).toBe('/api/secrets/secrets');
    expect(requestedUrl().searchParams.get('entityRef')).toBe(
      'component:default/card-payments',
    );
    expect(secrets.configured).toBe(false);
  });

  it('posts a provisioning as the request body', async () => {
    const { client, requestedUrl, sent } = clientAnswering(200, {
      outcome: 'planned',
    });
    const input = {
      entityRef: 'component:default/card-payments',
      environment: 'development',
      secrets: [{ name: 'database', keys: [{ key: 'password', length: 32 }] }],
      auth: { method: 'approle' as const },
      dryRun: true,
    };

    const outcome = await client.provision(input);

    expect(requestedUrl().pathname).toBe('/api/secrets/provision');
    expect(sent()).toEqual({ method: 'POST', body: input });
    expect(outcome.outcome).toBe('planned');
  });

  it('posts a rotation', async () => {
    const { client, requestedUrl, sent } = clientAnswering(200, {
      outcome: 'applied',
    });
    const input = {
      entityRef: 'component:default/card-payments',
      environment: 'production',
      secret: 'database',
      wrap: true,
    };

    await client.rotate(input);

    expect(requestedUrl().pathname).toBe('/api/secrets/rotate');
    expect(sent()).toEqual({ method: 'POST', body: input });
  });

  it("lists an entity's requests", async () => {
    const { client, requestedUrl } = clientAnswering(200, {
      items: [{ id: 'r-1' }],
    });

    const requests = await client.listRequests(
      'component:default/card-payments',
    );

    expect(requestedUrl().pathname).toBe('/api/secrets/requests');
    expect(requests.map(r => r.id)).toEqual(['r-1']);
  });

  it("approves and rejects a request with the reviewer's words", async () => {
    const approving = clientAnswering(200, { id: 'r-1', status: 'applied' });
    await approving.client.approveRequest('r-1', 'Looks right');
    expect(approving.requestedUrl().pathname).toBe(
      '/api/secrets/requests/r-1/approve',
    );
    expect(approving.sent()).toEqual({
      method: 'POST',
      body: { comment: 'Looks right' },
    });

    const rejecting = clientAnswering(200, { id: 'r-1', status: 'rejected' });
    await rejecting.client.rejectRequest('r-1', 'Not in production');
    expect(rejecting.requestedUrl().pathname).toBe(
      '/api/secrets/requests/r-1/reject',
    );
  });

  it('turns a refusal into an error carrying the server message', async () => {
    const { client } = clientAnswering(503, {
      error: {
        name: 'ServiceUnavailableError',
        message: 'Vault main is sealed',
      },
      response: { statusCode: 503 },
    });

    const error = await client
      .getEntitySecrets('component:default/card-payments')
      .catch(e => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(503);
    expect(errorMessage(error)).toBe('Vault main is sealed');
  });
});
