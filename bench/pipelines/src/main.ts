/*
 * bench/pipelines: GitHub webhook deliveries into the pipelines backend on
 * PostgreSQL, and its DORA query over a year of history.
 *
 *   1. a real backend (src/backend.ts) on this run's database;
 *   2. a year of history seeded into the plugin's tables (runs,
 *      deployments, changes), vacuumed and analyzed;
 *   3. per rate: signed deliveries posted open-loop to the events
 *      backend's GitHub ingress, then the anchor: a plain insert of the
 *      same rows into copies of the tables, same rate, same database;
 *   4. the database checked: every delivery stored once, none lost;
 *   5. GET /api/pipelines/dora for an entity, a system and an owner over
 *      the year, against SELECT count(*) of the same deployments.
 *
 * Targets: see targets.ts. Ratios to the anchors are what compare across
 * runs and machines.
 */
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { killAllOnExit } from '../../policy/src/processes';
import { nowUs, summarizeProfile, Window } from '../../policy/src/profile';
import { anchorInsert, createAnchorTables } from './anchor';
import { CpuMonitor } from './cpuShare';
import { BenchOptions, readArgs, USAGE } from './args';
import { Delivery, generateDeliveries } from './deliveries';
import {
  DAY_MS,
  doraStatements,
  HISTORY_DAYS,
  measureDora,
  seedHistory,
} from './dora';
import { benchEntities, catalogEntities } from './entities';
import { openLoop, WebhookSender } from './openLoop';
import {
  catalogCalls,
  databaseUrl,
  PipelinesBackend,
  pluginPool,
  startPipelinesBackend,
} from './pipelinesBackend';
import { BenchResults, formatResults, Step } from './report';
import { checkTargets } from './targets';
import { checkStorage, Expectations, ingestionLagMs } from './verify';
import { dropDatabase } from '../../shared/src/database';
import { printResults, writeResults } from '../../shared/src/results';

const BENCH_DIR = resolve(__dirname, '..');

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
  killAllOnExit();
  const loadAverageAtStart = Number(loadavg()[0].toFixed(2));
  const workDir = mkdtempSync(join(tmpdir(), 'finops-bench-pipelines-'));
  // A database of this run (the backend creates it, a schema per plugin):
  // nothing but this run's deliveries and history is in it.
  const database = `bench_pipelines_${Date.now().toString(36)}`;

  let backend: PipelinesBackend | undefined;
  let db: Knex | undefined;
  const windows: Window[] = [];
  let done = false;
  try {
    const entities = benchEntities(options.entities);
    const entitiesFile = join(workDir, 'entities.json');
    writeFileSync(entitiesFile, JSON.stringify(catalogEntities(entities)));
    log(`starting the backend (logs in ${workDir})`);
    backend = await startPipelinesBackend({
      databaseUrl: databaseUrl(postgresUrl, database),
      entitiesFile,
      eventBus: options.eventBus,
      pool: options.pool,
      workDir,
      profileDir: options.profile ? join(workDir, 'profile') : undefined,
    });
    // The plugin's schema, with the pool production gives a plugin.
    db = knexFactory({
      client: 'pg',
      connection: databaseUrl(postgresUrl, database),
      searchPath: ['pipelines'],
      pool: pluginPool(options.pool),
    });

    // The history ends a minute before the deliveries start.
    const to = Math.floor((Date.now() - 60_000) / 1000) * 1000;
    const window = { from: to - HISTORY_DAYS * DAY_MS, to };
    log(
      `seeding ${options.runs} runs and ${options.deployments} deployments over ${HISTORY_DAYS} days`,
    );
    const seed = await seedHistory(db, { ...options, window });
    log(
      `seeded in ${seed.seconds.toFixed(1)} s: ${JSON.stringify(seed.seeded)}`,
    );
    await createAnchorTables(db);

    const steps = await measureDeliveries(
      options,
      backend,
      db,
      entities,
      windows,
      seed.seeded,
    );

    log('DORA queries');
    const dora = await measureDora({
      db,
      baseUrl: backend.url,
      token: backend.token,
      entities,
      window,
      queries: options.doraQueries,
      warmup: 10,
      log,
    });

    log('DORA statements, one at a time, in process');
    const statements = await doraStatements({ db, entities, window, runs: 5 });
    const postgres = await postgresSettings(db);
    // Stopped now: it logs its catalog queries on the way out.
    await backend.stop();
    const calls = catalogCalls(backend.logFile);
    for (const step of steps.steps) {
      step.catalogLookups = calls?.byRepositoryAt.filter(
        at => at >= step.startedAt && at <= step.endedAt,
      ).length;
    }
    const results: BenchResults = {
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        ...postgres,
        loadAverageAtStart,
      },
      settings: {
        ...options,
        catalog: 'in-process, fixed entity list (InMemoryCatalogClient)',
        historyDays: HISTORY_DAYS,
      },
      seeding: { rows: seed.seeded, seconds: seed.seconds },
      steps: steps.steps,
      storage: steps.storage,
      dora,
      doraStatements: statements,
      targets: checkTargets(steps.steps, steps.storage, dora),
      notes: backendNotes(backend.logFile, steps.storage.deliveriesSent),
    };
    writeResults(join(BENCH_DIR, 'results'), results);
    printResults(formatResults(results), results, options.json);
    done = true;
    return options.enforce && results.targets.some(t => !t.pass) ? 1 : 0;
  } finally {
    await db?.destroy();
    await backend?.stop();
    if (options.profile && windows.length > 0) {
      log(
        `where the backend spent its CPU while deliveries came in:\n${summarizeProfile(
          join(workDir, 'profile'),
          windows,
        )}`,
      );
    }
    if (!options.keep) await dropDatabase(postgresUrl, database, log);
    else log(`kept the database ${database}`);
    if (done && !options.profile && !options.keep) {
      rmSync(workDir, { recursive: true, force: true });
    } else {
      log(
        `the backend's log${
          options.profile ? ' and profile are' : ' is'
        } kept in ${workDir}`,
      );
    }
  }
}

async function measureDeliveries(
  options: BenchOptions,
  backend: PipelinesBackend,
  db: Knex,
  entities: ReturnType<typeof benchEntities>,
  windows: Window[],
  seeded: Awaited<ReturnType<typeof seedHistory>>['seeded'],
) {
  const sender = new WebhookSender(backend.url);
  const cpu = CpuMonitor.create(backend.configFile, await dataDirectory(db));
  if (!cpu.available) log('cannot see the CPU use of the backend in /proc');
  const expected = new Expectations();
  const generate = (count: number) =>
    generateDeliveries({
      count,
      entities,
      secret: backend.webhookSecret,
      replayShare: options.replayShare,
      now: Date.now(),
    });
  /** Sends them in an open loop; what was answered 202 is expected stored. */
  const send = async (deliveries: Delivery[], rate: number) => {
    const acknowledged = deliveries.map(() => false);
    const result = await openLoop(deliveries.length, rate, async i => {
      await sender.send(deliveries[i]);
      acknowledged[i] = true;
    });
    expected.add(deliveries, acknowledged);
    return result;
  };
  const steps: Step[] = [];
  try {
    if (options.warmupSeconds > 0) {
      const rate = options.rates[0];
      log(`warm-up: ${rate}/s for ${options.warmupSeconds} s`);
      const warmup = generate(Math.round(rate * options.warmupSeconds));
      await send(warmup, rate);
    }
    for (const rate of options.rates) {
      const deliveries = generate(Math.round(rate * options.seconds));
      log(
        `${rate}/s for ${options.seconds} s: ${deliveries.length} deliveries`,
      );
      const startUs = nowUs();
      const startedAt = Date.now();
      const before = cpu.sample();
      const { lastAnswerAt, ...result } = await send(deliveries, rate);
      const cpuShare = CpuMonitor.share(before, cpu.sample());
      const endedAt = Date.now();
      windows.push({ startUs, endUs: nowUs() });
      const lag = await ingestionLagMs(
        db,
        expected.deliveryIds.size,
        lastAnswerAt,
      );

      const firsts = deliveries.filter(d => !d.replay);
      log(`anchor: ${firsts.length} plain inserts at ${rate}/s`);
      const { lastAnswerAt: _, ...anchor } = await openLoop(
        firsts.length,
        rate,
        async i => {
          const d = firsts[i];
          await anchorInsert(db, d.id, `github.${d.event}`, d.content);
        },
      );
      steps.push({
        rate,
        seconds: options.seconds,
        deliveries: deliveries.length,
        replays: deliveries.length - firsts.length,
        backend: result,
        anchor,
        p99Ratio: result.p99Ms / anchor.p99Ms,
        throughputRatio: result.throughput / anchor.throughput,
        ingestionLagMs: lag,
        cpu: cpu.available ? cpuShare : undefined,
        startedAt,
        endedAt,
      });
    }
  } finally {
    sender.close();
  }
  log('checking the database');
  const storage = await checkStorage(db, expected, seeded);
  return { steps, storage };
}

/** Where postmaster.pid is, if this connection may ask. */
async function dataDirectory(db: Knex): Promise<string | undefined> {
  try {
    return String((await db.raw('show data_directory')).rows[0].data_directory);
  } catch {
    return undefined;
  }
}

/** The version, and JIT compilation, which a costly plan sets off. */
async function postgresSettings(db: Knex) {
  const show = async (name: string) =>
    String((await db.raw(`show ${name}`)).rows[0][name]);
  return {
    postgres: (await show('server_version')).split(' ')[0],
    postgresJit: await show('jit'),
  };
}

/** Warnings of the backend while it ran: a failed subscriber is one. */
function backendNotes(logFile: string, deliveries: number): string[] {
  const lines = readFileSync(logFile, 'utf8').split('\n');
  const warnings = lines.filter(
    l =>
      /"level":"(warn|error)"/.test(l) &&
      // Said once per plugin: the benchmark's backend listens on localhost.
      !l.includes('backend.baseUrl is set to a localhost URL'),
  );
  const failed = warnings.filter(l => /failed to process event/i.test(l));
  const calls = catalogCalls(logFile);
  return [
    `backend log: ${warnings.length} warnings or errors, ` +
      `${failed.length} of them a subscriber failing on an event`,
    ...warnings.slice(0, 3).map(l => `  ${l.slice(0, 300)}`),
    calls
      ? `catalog queries: ${calls.byRepository} for ${deliveries} deliveries ` +
        `(repository to entity), ${calls.other} for DORA scopes`
      : 'catalog queries: not logged by the backend',
  ];
}

main().then(
  code => process.exit(code),
  error => {
    log(`failed: ${(error as Error).stack ?? error}`);
    process.exit(2);
  },
);
