import { backendAnswering } from './backendAnswering';

describe('backendAnswering', () => {
  it("answers with its status and body at the plugin's URL, and tells what was sent", async () => {
    const { discoveryApi, fetchApi, requestedUrl, sent } = backendAnswering(
      201,
      { id: 'r1' },
    );

    const baseUrl = await discoveryApi.getBaseUrl('secrets');
    const response = await fetchApi.fetch(`${baseUrl}/requests?limit=5`, {
      method: 'POST',
      body: JSON.stringify({ note: 'hi' }),
    });

    expect(response.status).toBe(201);
    await expect(response.json()).resolves.toEqual({ id: 'r1' });
    expect(requestedUrl().pathname).toBe('/api/secrets/requests');
    expect(requestedUrl().searchParams.get('limit')).toBe('5');
    expect(sent()).toEqual({ method: 'POST', body: { note: 'hi' } });
  });
});
