/*
 * The HTTP servers around the backend that are Node code, run in a
 * process of their own so that their work is not the load generator's:
 *
 *   - the Vault-API test server of the secrets backend (Vault cannot run
 *     here; it follows Vault's documented KV v2, ACL and auth APIs), with
 *     two secrets per environment under each component's path;
 *   - the health backend's metrics exporter, scraped by the real
 *     Prometheus main.ts starts: each component's request histogram, 0.5 %
 *     of its requests failing and 0.5 % slower than 250 ms (half of each
 *     99 % error budget left, as in the end-to-end tests);
 *   - a trivial server answering `{}` at once: what the load generator
 *     measures against it is its own overhead.
 *
 * Started by main.ts; prints one JSON line with the addresses when ready
 * and stops on SIGTERM.
 */
import {
  halfBudgetRequests,
  MetricsExporter,
} from '@finops/plugin-health-backend/testUtils';
import { VaultApiServer } from '@finops/plugin-secrets-backend/testUtils';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  benchEntities,
  entityName,
  SECRET_NAMES,
  SECRETS_ENVIRONMENTS,
  secretsPath,
} from './catalog';
import type { Servers } from './fixtures';
/** Seeding writes this many secrets at a time. */
const SEED_CONCURRENCY = 16;

async function main() {
  const count = Number(process.env.BENCH_LOAD_ENTITY_COUNT);
  if (!(count > 0)) throw new Error('BENCH_LOAD_ENTITY_COUNT is not set');
  const entities = benchEntities(count);

  const vault = await VaultApiServer.start();
  await seedVault(vault, entities.map(secretsPath));
  // The server records every request for tests to assert on; a benchmark
  // sends hundreds of thousands, so the record is dropped every second.
  setInterval(() => vault.requests.splice(0), 1000).unref();

  const exporter = await MetricsExporter.start({
    requests: entities.flatMap(e =>
      halfBudgetRequests({
        service: entityName(e.index),
        method: 'GET',
        route: '/v1/items',
      }),
    ),
  });

  const trivial = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  trivial.keepAliveTimeout = 60_000;
  await new Promise<void>(r => trivial.listen(0, '127.0.0.1', () => r()));
  const { port } = trivial.address() as AddressInfo;

  const servers: Servers = {
    vault: { url: vault.url, rootToken: vault.rootToken },
    exporterTarget: exporter.target,
    trivialUrl: `http://127.0.0.1:${port}`,
  };
  process.stdout.write(`${JSON.stringify(servers)}\n`);

  process.once('SIGTERM', async () => {
    trivial.closeAllConnections();
    await Promise.all([
      vault.close(),
      exporter.close(),
      new Promise(r => trivial.close(r)),
    ]);
    process.exit(0);
  });
}

/** Two secrets per environment below each path, through Vault's KV v2 API. */
async function seedVault(vault: VaultApiServer, paths: string[]) {
  const writes = paths.flatMap(path =>
    SECRETS_ENVIRONMENTS.flatMap(environment =>
      SECRET_NAMES.map(name => `${path}/${environment}/${name}`),
    ),
  );
  const write = async (path: string) => {
    const res = await fetch(`${vault.url}/v1/secret/data/${path}`, {
      method: 'POST',
      headers: {
        'X-Vault-Token': vault.rootToken,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ data: { value: `bench-${path.length}` } }),
    });
    if (!res.ok) {
      throw new Error(`Vault refused ${path}: HTTP ${res.status}`);
    }
  };
  for (let i = 0; i < writes.length; i += SEED_CONCURRENCY) {
    await Promise.all(writes.slice(i, i + SEED_CONCURRENCY).map(write));
  }
}

main().catch(error => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
