/**
 * The discovery and fetch APIs of an app whose backend answers every
 * request with `status` and `body` as JSON, to test an API client with;
 * and what the client sent.
 */
export function backendAnswering(status: number, body: unknown) {
  const fetch = jest.fn(
    async (_url: RequestInfo | URL, _init?: RequestInit) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  /** The URL of the `call`th request. */
  const requestedUrl = (call = 0) => new URL(String(fetch.mock.calls[call][0]));
  /** The method and the parsed JSON body of the `call`th request. */
  const sent = (call = 0) => {
    const init = fetch.mock.calls[call][1];
    return {
      method: init?.method,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
  };
  return {
    discoveryApi: {
      getBaseUrl: async (pluginId: string) =>
        `http://backstage/api/${pluginId}`,
    },
    fetchApi: { fetch: fetch as typeof globalThis.fetch },
    fetch,
    requestedUrl,
    sent,
  };
}
