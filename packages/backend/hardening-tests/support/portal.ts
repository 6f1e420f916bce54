import { test as base } from '@playwright/test';
import { Client } from 'pg';
import { Delivery, signature } from './deliveries';
import { World } from './world';

/**
 * The world is started once per worker (one worker: the backends take a
 * minute or two to start on two cores) and shared by every test file.
 */
export const test = base.extend<{}, { world: World }>({
  world: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const world = await World.start();
      try {
        await use(world);
      } finally {
        await world.stop();
      }
    },
    { scope: 'worker', timeout: 400_000 },
  ],
});
export { expect } from '@playwright/test';

export interface Answer {
  status: number;
  body: any;
}

/** One HTTP call; a connection error is status 0 (the backend is gone). */
export async function call(
  baseUrl: string,
  path: string,
  options: { token?: string; method?: string; body?: unknown } = {},
): Promise<Answer> {
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method: options.method ?? (options.body ? 'POST' : 'GET'),
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body };
  } catch {
    return { status: 0, body: undefined };
  }
}

/** A signed-in person's token, from the replica's guest sign-in. */
export async function signIn(baseUrl: string): Promise<string> {
  const answer = await call(baseUrl, '/api/auth/guest/refresh');
  if (answer.status !== 200) {
    throw new Error(`guest sign-in answered ${answer.status}`);
  }
  return answer.body.backstageIdentity.token;
}

/** Sends a delivery signed as GitHub signs it; resolves to the status. */
export async function deliver(
  baseUrl: string,
  delivery: Delivery,
  secret: string,
): Promise<number> {
  try {
    const res = await fetch(`${baseUrl}/api/events/http/github`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': delivery.event,
        'x-github-delivery': delivery.id,
        'x-hub-signature-256': signature(delivery.body, secret),
      },
      body: delivery.body,
      signal: AbortSignal.timeout(30_000),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Runs `fn` on every item, `concurrency` at a time. */
export async function pool<T, R>(
  items: T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index], index);
      }
    }),
  );
  return results;
}

/** Waits until the catalog of a replica has the entity. */
export async function waitForEntity(
  baseUrl: string,
  token: string,
  ref: string,
  timeoutMs = 180_000,
): Promise<void> {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await call(
      baseUrl,
      `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      { token },
    );
    if (answer.status === 200) return;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${ref} never reached the catalog of ${baseUrl}`);
}

/** Runs SQL against one plugin's schema of a database. */
export async function sql<T = any>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}
