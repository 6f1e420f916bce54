/*
 * Sends the routes' requests for the open loop (bench/shared/src/openLoop)
 * with undici: a pool of keep-alive connections per origin, no pipelining
 * (as browsers and Node's fetch talk to a backend), every answer read to
 * its end. An answer other than the route's success status, or none within
 * REQUEST_TIMEOUT_MS, is an error. The generator shares two cores with
 * the backend: what it costs is measured in every run against a trivial
 * server (the `overhead` route) and printed next to the figures.
 */
import { Pool } from 'undici';
import { Route } from './routes';

/** An answer slower than this is an error (a user would have given up). */
const REQUEST_TIMEOUT_MS = 30_000;

export class HttpSender {
  readonly #pools = new Map<string, Pool>();
  readonly #connections: number;

  static create(connections: number): HttpSender {
    return new HttpSender(connections);
  }

  private constructor(connections: number) {
    this.#connections = connections;
  }

  /** Sends request `index` of the route; resolves with the answer's body. */
  async send(route: Route, index: number): Promise<string> {
    const { method, path, headers, body } = route.request(index);
    const { statusCode, body: answer } = await this.#pool(route.origin).request(
      {
        method,
        path,
        headers: body
          ? { ...headers, 'content-type': 'application/json' }
          : headers,
        body,
        headersTimeout: REQUEST_TIMEOUT_MS,
        bodyTimeout: REQUEST_TIMEOUT_MS,
      },
    );
    const text = await answer.text();
    if (statusCode !== route.status) {
      throw new Error(`HTTP ${statusCode}: ${text.slice(0, 200)}`);
    }
    return text;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#pools.values()].map(p => p.close()));
  }

  #pool(origin: string): Pool {
    let pool = this.#pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.#connections,
        pipelining: 1,
        keepAliveTimeout: 60_000,
      });
      this.#pools.set(origin, pool);
    }
    return pool;
  }
}
