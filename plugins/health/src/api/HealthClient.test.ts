import { ResponseError } from '@backstage/errors';
import { errorMessage } from '@finops/ui';
import { backendAnswering } from '@finops/ui/testUtils';
import { HealthClient } from './HealthClient';

const REF = 'component:default/card-payments';

function clientAnswering(status: number, body: unknown) {
  const backend = backendAnswering(status, body);
  return { client: new HealthClient(backend), ...backend };
}

describe('HealthClient', () => {
  it("asks for an entity's golden signals over a range", async () => {
    const { client, requestedUrl, sent } = clientAnswering(200, {
      entityRef: REF,
      signals: [],
    });

    const signals = await client.getSignals(REF, '6h');

    expect(requestedUrl().pathname).toBe('/api/health/signals');
    expect(requestedUrl().searchParams.get('entityRef')).toBe(REF);
    expect(requestedUrl().searchParams.get('range')).toBe('6h');
    expect(sent().method).toBe('GET');
    expect(signals.entityRef).toBe(REF);
  });

  it.each([
    ['getSlos', '/api/health/slos'],
    ['getAlerts', '/api/health/alerts'],
    ['getDashboards', '/api/health/dashboards'],
    ['getSummary', '/api/health/summary'],
  ] as const)('asks %s at %s by entity ref', async (method, path) => {
    const { client, requestedUrl } = clientAnswering(200, { entityRef: REF });

    const answer = await client[method](REF);

    expect(requestedUrl().pathname).toBe(path);
    expect(requestedUrl().searchParams.get('entityRef')).toBe(REF);
    expect(answer).toEqual({ entityRef: REF });
  });

  it('lists the summaries of an owner or of a system', async () => {
    const owner = clientAnswering(200, { items: [], truncated: false });
    await owner.client.listSummaries({ owner: 'group:default/payments' });
    expect(owner.requestedUrl().pathname).toBe('/api/health/summaries');
    expect(owner.requestedUrl().searchParams.get('owner')).toBe(
      'group:default/payments',
    );
    expect(owner.requestedUrl().searchParams.has('system')).toBe(false);

    const system = clientAnswering(200, { items: [], truncated: true });
    const list = await system.client.listSummaries({
      system: 'system:default/ledger',
    });
    expect(system.requestedUrl().searchParams.get('system')).toBe(
      'system:default/ledger',
    );
    expect(list.truncated).toBe(true);
  });

  it('turns a refusal into an error carrying the server message', async () => {
    const { client } = clientAnswering(403, {
      error: {
        name: 'NotAllowedError',
        message: 'You may not read the health of component:default/ledger',
      },
      response: { statusCode: 403 },
    });

    const error = await client.getSlos(REF).catch(e => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(403);
    expect(errorMessage(error)).toBe(
      'You may not read the health of component:default/ledger',
    );
  });

  it('turns a server failure into an error too', async () => {
    const { client } = clientAnswering(500, {
      error: { name: 'Error', message: 'database is locked' },
      response: { statusCode: 500 },
    });

    const error = await client.getSignals(REF, '1h').catch(e => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(500);
    expect(errorMessage(error)).toBe('database is locked');
  });
});
