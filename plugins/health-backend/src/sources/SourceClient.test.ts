import { mockServices } from '@backstage/backend-test-utils';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SourceClient, SourceError } from './SourceClient';

/**
 * A server that answers 200 with its headers and the start of a JSON
 * body, then sends nothing more until the test ends (a Prometheus or
 * Alertmanager that stalls mid-answer, or a backend too busy to read it).
 */
async function stallingMidBody(): Promise<{ url: string; close(): void }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"status":"success","data":');
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('SourceClient', () => {
  it('says a source that stalls mid-answer did not answer in time', async () => {
    const stalling = await stallingMidBody();
    try {
      const client = SourceClient.create({
        kind: 'prometheus',
        instance: {
          name: 'main',
          baseUrl: stalling.url,
          publicUrl: stalling.url,
          headers: {},
        },
        cache: mockServices.cache.mock(),
        ttlMs: 0,
        timeoutMs: 200,
      });
      const failure = await client
        .get('/api/v1/query?query=up')
        .catch(error => error);
      // A SourceError degrades the source on its own; anything else
      // would fail the whole summary with a 500.
      expect(failure).toBeInstanceOf(SourceError);
      expect(failure).toMatchObject({
        state: 'unreachable',
        message: 'Prometheus "main" did not answer within 200 ms',
      });
    } finally {
      stalling.close();
    }
  });

  it('shares one request among concurrent readers of a path', async () => {
    let requests = 0;
    let release: () => void = () => {};
    const released = new Promise<void>(r => {
      release = r;
    });
    const server = createServer(async (_req, res) => {
      requests += 1;
      await released;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', n: requests }));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const client = SourceClient.create({
        kind: 'prometheus',
        instance: { name: 'main', baseUrl: url, publicUrl: url, headers: {} },
        cache: mockServices.cache.mock(),
        ttlMs: 30_000,
        timeoutMs: 5_000,
      });
      const readers = Array.from({ length: 20 }, () =>
        client.get('/api/v1/query?query=up'),
      );
      // Give every reader time to ask before the answer comes.
      await new Promise(r => setTimeout(r, 100));
      release();
      const answers = await Promise.all(readers);
      expect(requests).toBe(1);
      expect(new Set(answers.map(a => JSON.stringify(a))).size).toBe(1);

      // Another path is its own request; a fresh probe bypasses both.
      await client.get('/api/v1/query?query=down');
      expect(requests).toBe(2);
      await client.probe('/api/v1/query?query=up');
      expect(requests).toBe(3);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
