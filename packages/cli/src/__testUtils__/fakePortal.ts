import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

export type Route = (
  req: IncomingMessage & { body?: unknown },
  res: ServerResponse,
) => void | Promise<void>;

/**
 * A local HTTP server standing in for a portal's API in unit tests: real
 * sockets, real status codes, and the Backstage error body shape. The end
 * to end tests run the real portal.
 */
export class FakePortal {
  readonly url: string;
  readonly requests: Array<{
    method: string;
    path: string;
    authorization?: string;
    body?: unknown;
  }> = [];
  readonly #server: Server;
  readonly #routes = new Map<string, Route>();

  static async start(): Promise<FakePortal> {
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return new FakePortal(server);
  }

  private constructor(server: Server) {
    this.#server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on(
      'request',
      async (req: IncomingMessage & { body?: unknown }, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const text = Buffer.concat(chunks).toString();
        req.body = text ? JSON.parse(text) : undefined;
        const path = (req.url ?? '/').split('?')[0];
        this.requests.push({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          authorization: req.headers.authorization,
          body: req.body,
        });
        const route = this.#routes.get(`${req.method} ${path}`);
        if (!route) {
          sendError(
            res,
            404,
            'NotFoundError',
            `No route ${req.method} ${path}`,
          );
          return;
        }
        await route(req, res);
      },
    );
  }

  on(method: string, path: string, route: Route): this {
    this.#routes.set(`${method} ${path}`, route);
    return this;
  }

  /** Answers `status` with Backstage's error body everywhere. */
  failEverything(status: number, name: string, message: string): this {
    this.#server.removeAllListeners('request');
    this.#server.on('request', (req, res) => {
      this.requests.push({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        authorization: req.headers.authorization,
      });
      sendError(res, status, name, message);
    });
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise(resolve => this.#server.close(resolve));
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function sendError(
  res: ServerResponse,
  status: number,
  name: string,
  message: string,
) {
  sendJson(res, status, {
    error: { name, message },
    response: { statusCode: status },
  });
}

/** A port nothing listens on (bound, read, released). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
