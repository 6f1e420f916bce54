/*
 * Command-line flags of the benchmark. Defaults keep a whole run under about
 * two minutes on two cores: three HTTP targets × (warm-up + duration), one
 * `opa bench` second, and the start-up of two backends.
 */
import { parseArgs } from 'node:util';
import { DatabaseKind } from './policyBackend';
import { positive } from '../../shared/src/args';

export interface BenchOptions {
  durationSeconds: number;
  warmupSeconds: number;
  rounds: number;
  concurrency: number;
  database: DatabaseKind;
  enforce: boolean;
  json: boolean;
  profile: boolean;
}

export const USAGE = `Usage: bench/policy/run.sh [flags]
  --duration <s>      measured seconds per HTTP target (default 10)
  --warmup <s>        unmeasured seconds before each (default 2)
  --rounds <n>        (b), (c), (d) take turns n times, duration/n each (default 5)
  --concurrency <n>   concurrent keep-alive connections (default 8)
  --db postgres|file|memory
                      where the backends keep the decision log: the private
                      PostgreSQL of the test scripts, as in production
                      (default), the local SQLite files, or SQLite in memory
  --enforce           exit 1 when a target is missed (default: only report)
  --json              print the results as JSON on stdout (table to stderr)
  --profile           CPU-profile the backends and print where time went
                      (slows them down: figures of such a run are not comparable)
Exit status: 0, or 1 for a missed target with --enforce, or 2 when a target
answered wrongly (a broken endpoint must not pass as a fast one).`;

export function readArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '8' },
      db: { type: 'string', default: 'postgres' },
      enforce: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  if (!['postgres', 'file', 'memory'].includes(values.db)) {
    throw new Error(`--db must be postgres, file or memory, got ${values.db}`);
  }
  return {
    durationSeconds: positive(values.duration, '--duration'),
    warmupSeconds: Number(values.warmup),
    rounds: Math.round(positive(values.rounds, '--rounds')),
    concurrency: Math.round(positive(values.concurrency, '--concurrency')),
    database: values.db as DatabaseKind,
    enforce: values.enforce,
    json: values.json,
    profile: values.profile,
  };
}
