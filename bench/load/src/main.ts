/*
 * bench/load: the portal's main read and write paths under rising load,
 * against the whole backend on PostgreSQL, with the stock catalog route as
 * the anchor in the same run.
 *
 *   1. the servers around the backend (servers.ts, fixtures.ts): Vault-API
 *      test server with each component's secrets, a metrics exporter with
 *      real Prometheus and Alertmanager, a trivial server;
 *   2. the whole backend (backend.ts) on this run's database, with a
 *      generated catalog file (catalog.ts);
 *   3. a year of pipeline history seeded, then waiting until the catalog
 *      holds every component, the policy has evaluated each and
 *      Prometheus has data (prepare.ts);
 *   4. every route checked once (routes.ts) and warmed up, then per rate
 *      each route in turn, open loop, read routes taking turns with the
 *      anchor (measure.ts);
 *   5. ratios to the anchor at the same rate, the targets (targets.ts),
 *      the table (report.ts). Exit 1 when requests failed.
 */
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CpuMonitor } from '../../pipelines/src/cpuShare';
import { Delivery, generateDeliveries } from '../../pipelines/src/deliveries';
import { databaseUrl } from '../../pipelines/src/pipelinesBackend';
import { summarizeProfile, Window } from '../../policy/src/profile';
import { openLoop } from '../../shared/src/openLoop';
import { readArgs, USAGE } from './args';
import { LoadBackend, startLoadBackend } from './backend';
import {
  benchEntities,
  catalogDocuments,
  entityName,
  writeCatalogFile,
} from './catalog';
import { Fixtures, startFixtures } from './fixtures';
import { HttpSender } from './httpLoad';
import { measure } from './measure';
import {
  deployableVersions,
  readinessProbes,
  seedPipelines,
  waitUntil,
} from './prepare';
import { BenchResults, formatResults } from './report';
import { routes } from './routes';
import { checkTargets } from './targets';
import { createDatabase, dropDatabase } from '../../shared/src/database';
import { printResults, writeResults } from '../../shared/src/results';

const BENCH_DIR = resolve(__dirname, '..');
/** Rate of the unmeasured warm-up of each route. */
const WARMUP_RATE = 20;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<number> {
  const options = readArgs(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const postgresUrl = process.env.FINOPS_TEST_POSTGRES_URL;
  if (!postgresUrl) {
    throw new Error('FINOPS_TEST_POSTGRES_URL is not set (use run.sh)');
  }
  const loadAverageAtStart = Number(loadavg()[0].toFixed(2));
  const workDir = mkdtempSync(join(tmpdir(), 'finops-bench-load-'));
  const database = `bench_load_${Date.now().toString(36)}`;
  const profileDir = options.profile ? join(workDir, 'profile') : undefined;
  let fixtures: Fixtures | undefined;
  let backend: LoadBackend | undefined;
  let db: Knex | undefined;
  const sender = HttpSender.create(options.connections);
  let done = false;
  try {
    const started = performance.now();
    await createDatabase(postgresUrl, database);
    const entities = benchEntities(options.entities);
    const documents = catalogDocuments(entities);
    const catalogFile = join(workDir, 'catalog.yaml');
    writeCatalogFile(catalogFile, documents);

    log('starting Vault, Prometheus, Alertmanager and the exporter');
    fixtures = await startFixtures({ entities, workDir });
    log(`starting the backend (logs in ${workDir})`);
    const ownerGroup = entities[0].owner;
    backend = await startLoadBackend({
      databaseUrl: databaseUrl(postgresUrl, database),
      catalogFile,
      ownerGroup,
      servers: fixtures.servers,
      prometheusUrl: fixtures.prometheus.baseUrl,
      alertmanagerUrl: fixtures.alertmanager.baseUrl,
      workDir,
      profileDir,
    });
    db = knexFactory({
      client: 'pg',
      connection: databaseUrl(postgresUrl, database),
      searchPath: ['pipelines'],
      pool: { min: 0, max: 2 },
    });
    log('seeding a year of pipeline history');
    const seed = await seedPipelines(db, entities.length);
    const names = entities.map(e => entityName(e.index));
    const probes = readinessProbes({
      backendUrl: backend.url,
      token: backend.serviceToken,
      names,
    });
    await waitUntil('the catalog', probes.catalog, log);
    await waitUntil('the policy evaluations', probes.compliance, log);
    await waitUntil('Prometheus data', probes.health, log);
    const deployable = await deployableVersions(
      db,
      entities.filter(e => e.owner === ownerGroup).map(e => e.ref),
    );
    const preparedSeconds = (performance.now() - started) / 1000;
    log(`ready after ${preparedSeconds.toFixed(0)} s`);

    let deliveries: Delivery[] = [];
    const webhookSecret = backend.webhookSecret;
    const newDeliveries = (count: number) => {
      deliveries = generateDeliveries({
        count: Math.max(1, count),
        entities,
        secret: webhookSecret,
        replayShare: 0,
        now: Date.now(),
      });
    };
    const all = routes({
      backendUrl: backend.url,
      trivialUrl: fixtures.servers.trivialUrl,
      serviceToken: backend.serviceToken,
      userToken: await backend.userToken(),
      names,
      components: documents.filter(d => d.kind === 'Component'),
      groups: documents
        .filter(d => d.kind === 'Group')
        .map(d => `group:default/${d.metadata.name}`),
      deployable,
      deliveries: () => deliveries,
    });
    const selected = all.filter(
      r =>
        !options.routes ||
        r.kind === 'anchor' ||
        r.kind === 'overhead' ||
        options.routes.includes(r.id),
    );

    log('checking one answer of each route');
    newDeliveries(1);
    for (const route of selected) {
      try {
        route.check(await sender.send(route, 0));
      } catch (error) {
        throw new Error(`${route.id} answered wrongly: ${error}`);
      }
    }
    if (options.warmupSeconds > 0) {
      log(
        `warm-up: each route at ${WARMUP_RATE}/s for ${options.warmupSeconds} s`,
      );
      for (const route of selected) {
        const count = Math.round(WARMUP_RATE * options.warmupSeconds);
        if (route.id === 'webhooks') newDeliveries(count);
        await openLoop(count, WARMUP_RATE, async i => {
          await sender.send(route, i);
        });
      }
    }

    const cpu = CpuMonitor.create(
      backend.marker,
      await dataDirectory(db),
      fixtures.markers,
    );
    if (!cpu.available) log('cannot see the CPU use of the backend in /proc');
    const windows = new Map<string, Window[]>();
    const steps = await measure({
      options,
      selected,
      sender,
      cpu,
      windows,
      newDeliveries,
      log,
    });
    const postgres = String(
      (await db.raw('show server_version')).rows[0].server_version,
    ).split(' ')[0];
    await backend.stop();
    const results: BenchResults = {
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        postgres,
        loadAverageAtStart,
      },
      settings: { ...options, deployable: deployable.length },
      seeding: { rows: seed.seeded, seconds: seed.seconds },
      preparedSeconds,
      steps,
      targets: checkTargets(steps),
      profiles: profileDir
        ? Object.fromEntries(
            [...windows].map(([route, w]) => [
              route,
              profileSummary(profileDir, w),
            ]),
          )
        : undefined,
      notes: backendNotes(backend.logFile),
    };
    writeResults(join(BENCH_DIR, 'results'), results);
    printResults(formatResults(results), results, options.json);
    done = true;
    return steps.some(s => s.errors > 0) ? 1 : 0;
  } finally {
    await sender.close();
    await db?.destroy();
    await backend?.stop();
    await fixtures?.stop();
    if (!options.keep) await dropDatabase(postgresUrl, database, log);
    else log(`kept the database ${database}`);
    if (done && !options.keep && !options.profile) {
      rmSync(workDir, { recursive: true, force: true });
    } else {
      log(`logs kept in ${workDir}`);
    }
  }
}

/** Where the backend spent its CPU in these windows, or why it is not known. */
function profileSummary(profileDir: string, windows: Window[]): string {
  try {
    return summarizeProfile(profileDir, windows);
  } catch (error) {
    return `no CPU profile: ${(error as Error).message}`;
  }
}

/** Warnings and errors the backend logged while it ran. */
function backendNotes(logFile: string): string[] {
  const lines = readFileSync(logFile, 'utf8').split('\n');
  const warnings = lines.filter(
    l =>
      /"level":"(warn|error)"/.test(l) &&
      // Said once per plugin: the benchmark's backend listens on localhost.
      !l.includes('backend.baseUrl is set to a localhost URL'),
  );
  return [
    `backend log: ${lines.length} lines, ${warnings.length} warnings or errors`,
    ...warnings.slice(0, 5).map(l => `  ${l.slice(0, 300)}`),
  ];
}

/** Where postmaster.pid is, if this connection may ask. */
async function dataDirectory(db: Knex): Promise<string | undefined> {
  try {
    return String((await db.raw('show data_directory')).rows[0].data_directory);
  } catch {
    return undefined;
  }
}

main().then(
  code => process.exit(code),
  error => {
    log(`failed: ${(error as Error).stack ?? error}`);
    process.exit(2);
  },
);
