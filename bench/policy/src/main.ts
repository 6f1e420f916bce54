/*
 * bench/policy: one policy decision (finops.catalog on a PCI-scoped
 * production component) through
 *   (a) `opa bench`: the Rego engine alone, in process;
 *   (b) the OPA server's REST API: the anchor every ratio is taken against;
 *   (c) our policy-check endpoint with the embedded (Wasm) evaluator;
 *   (d) our policy-check endpoint with the server evaluator, asking (b).
 * (b)-(d) get the same closed-loop load, taking turns, on this machine;
 * ratios to (b) rather than absolute figures are what compare across runs
 * and machines. Targets: see targets.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BenchOptions, readArgs, USAGE } from './args';
import { decisionLogNote, opaRestTarget, ourTarget } from './endpoints';
import { ClosedLoop, LoadSample, summarize } from './loadGenerator';
import { expectedDecision, opaBench, opaVersion, startOpaServer } from './opa';
import { startPolicyBackend } from './policyBackend';
import { ChildService, killAllOnExit } from './processes';
import { nowUs, summarizeProfile, Window } from './profile';
import { BenchResults, formatResults, withRatios } from './report';
import { checkTargets } from './targets';
import { printResults, writeResults } from '../../shared/src/results';

const BENCH_DIR = resolve(__dirname, '..');
const REPO_ROOT = resolve(BENCH_DIR, '../..');
const INPUT = 'input/catalog-card-payments.json';
const SOURCE = {
  opa: process.env.FINOPS_OPA ?? 'opa',
  policies: join(REPO_ROOT, 'policies'),
  inputFile: join(BENCH_DIR, INPUT),
  query: 'data.finops.catalog',
};

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<number> {
  const options = readArgs(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  killAllOnExit();
  const workDir = mkdtempSync(join(tmpdir(), 'finops-bench-policy-'));
  // Before anything of ours runs: how busy the machine already is.
  const loadAverageAtStart = Number(loadavg()[0].toFixed(2));

  const services: ChildService[] = [];
  const windows: Record<string, Window[]> = {};
  let done = false;
  try {
    const { rows, notes } = await measureAll(
      options,
      workDir,
      services,
      windows,
    );
    const results: BenchResults = {
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        opa: await opaVersion(SOURCE.opa),
        loadAverageAtStart,
      },
      settings: {
        ...options,
        decisionPoint: SOURCE.query,
        input: INPUT,
        decisionLog: {
          postgres: 'PostgreSQL (a database per backend), as in production',
          file: `SQLite, a file per plugin in ${tmpdir()}`,
          memory: 'SQLite in memory',
        }[options.database],
      },
      rows,
      targets: checkTargets(rows),
      notes,
    };
    writeResults(join(BENCH_DIR, 'results'), results);
    printResults(formatResults(results), results, options.json);
    if (results.rows.some(r => r.errors > 0)) {
      log(`wrong answers: see the logs in ${workDir}`);
      return 2;
    }
    // Per-request logs and decision logs of a good run are tens of MB.
    done = true;
    return options.enforce && results.targets.some(t => !t.pass) ? 1 : 0;
  } finally {
    await Promise.all(services.map(s => s.stop()));
    // Profiles are written when the backends exit, so only now.
    for (const [id, name] of options.profile ? PROFILED : []) {
      if (!windows[id]) continue;
      const summary = summarizeProfile(
        join(workDir, `${name}-profile`),
        windows[id],
      );
      log(`(${id}) where the ${name} backend spent its CPU:\n${summary}`);
    }
    if (done) rmSync(workDir, { recursive: true, force: true });
  }
}

const PROFILED = [
  ['c', 'embedded'],
  ['d', 'server'],
] as const;

async function measureAll(
  options: BenchOptions,
  workDir: string,
  services: ChildService[],
  windows: Record<string, Window[]>,
): Promise<Pick<BenchResults, 'rows' | 'notes'>> {
  const input = JSON.parse(readFileSync(SOURCE.inputFile, 'utf8'));
  const expected = await expectedDecision(SOURCE);

  log(`starting the OPA server and two backends (logs in ${workDir})`);
  const opaServer = await startOpaServer({ ...SOURCE, logDir: workDir });
  services.push(opaServer);
  const backend = (name: 'embedded' | 'server') =>
    startPolicyBackend({
      name,
      evaluator: name,
      opaBaseUrl: opaServer.url,
      database: options.database,
      workDir,
      profileDir: options.profile
        ? join(workDir, `${name}-profile`)
        : undefined,
    });
  const [embedded, server] = await Promise.all([
    backend('embedded'),
    backend('server'),
  ]);
  services.push(embedded, server);

  log('(a) opa bench');
  const a = await opaBench(SOURCE);

  // (b)-(d) take turns, so that a noisy spell on the machine is shared
  // between them instead of falling on one.
  const loads = {
    b: ClosedLoop.create(
      opaRestTarget(opaServer.url, input, expected),
      options.concurrency,
    ),
    c: ClosedLoop.create(
      ourTarget(embedded, input, expected),
      options.concurrency,
    ),
    d: ClosedLoop.create(
      ourTarget(server, input, expected),
      options.concurrency,
    ),
  };
  const samples: Record<string, LoadSample[]> = { b: [], c: [], d: [] };
  const slice = options.durationSeconds / options.rounds;
  try {
    for (let round = 1; round <= options.rounds; round++) {
      for (const [id, load] of Object.entries(loads)) {
        if (round === 1) await load.run(options.warmupSeconds);
        log(`(${id}) round ${round}/${options.rounds}: ${slice} s`);
        const startUs = nowUs();
        samples[id].push(await load.run(slice));
        (windows[id] ??= []).push({ startUs, endUs: nowUs() });
      }
    }
  } finally {
    Object.values(loads).forEach(load => load.close());
  }
  const [b, c, d] = ['b', 'c', 'd'].map(id => summarize(samples[id]));

  const rows = withRatios(
    [
      { id: 'a', label: 'opa bench (in process, 1 thread)', ...a },
      { id: 'b', label: 'OPA server REST API', ...b },
      { id: 'c', label: 'our endpoint, embedded evaluator', ...c },
      { id: 'd', label: 'our endpoint, server evaluator', ...d },
    ],
    'b',
  );
  return { rows, notes: [await decisionLogNote(embedded)] };
}

main().then(
  code => process.exit(code),
  error => {
    log(`failed: ${(error as Error).stack ?? error}`);
    process.exit(2);
  },
);
