/*
 * Command-line flags. The defaults keep a whole run around three minutes on
 * two cores: backend start, seeding a year of history, four rates of
 * deliveries and their anchors (15 s each), the storage check and three
 * DORA scopes.
 */
import { parseArgs } from 'node:util';
import { EventBusMode } from './pipelinesBackend';
import { positive, whole } from '../../shared/src/args';

export interface BenchOptions {
  rates: number[];
  seconds: number;
  warmupSeconds: number;
  replayShare: number;
  entities: number;
  runs: number;
  deployments: number;
  doraQueries: number;
  eventBus: EventBusMode;
  pool: number;
  enforce: boolean;
  json: boolean;
  profile: boolean;
  keep: boolean;
}

export const USAGE = `Usage: bench/pipelines/run.sh [flags]
  --rates <list>        delivery rates per second, in turn (default 100,250,500,750)
  --seconds <s>         seconds per rate, for the backend and for the anchor (default 15)
  --warmup <s>          unmeasured seconds at the first rate before (default 3)
  --replays <share>     share of deliveries sent twice with the same id (default 0.05)
  --entities <n>        catalog entities, each with its repository (default 200)
  --runs <n>            workflow runs seeded over the past year (default 1000000)
  --deployments <n>     deployments seeded over the past year (default 100000)
  --dora-queries <n>    DORA queries per scope, one at a time (default 200)
  --event-bus auto|never
                        events.useEventBus of the backend: auto (default) is what
                        production runs, as app-config.production.yaml sets none
                        (webhook deliveries skip the bus either way: see
                        packages/backend/src/eventsService.ts)
  --pool <n>            connections per plugin (knexConfig.pool.max) of the backend
                        and of the anchor (default 5, as app-config.production.yaml)
  --enforce             exit 1 when a target is missed (default: only report)
  --json                print the results as JSON on stdout (table to stderr)
  --profile             CPU-profile the backend and print where the time went
                        while deliveries came in (figures then not comparable)
  --keep                keep this run's database and the backend's log
                        (default: both removed at the end of a good run)
Needs FINOPS_TEST_POSTGRES_URL (run.sh starts a private PostgreSQL).
Exit status: 0, or 1 for a missed target with --enforce, or 2 when the run
itself failed (the backend's log is then kept in the temp directory named).`;

export function readArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      rates: { type: 'string', default: '100,250,500,750' },
      seconds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      replays: { type: 'string', default: '0.05' },
      entities: { type: 'string', default: '200' },
      runs: { type: 'string', default: '1000000' },
      deployments: { type: 'string', default: '100000' },
      'dora-queries': { type: 'string', default: '200' },
      'event-bus': { type: 'string', default: 'auto' },
      pool: { type: 'string', default: '5' },
      enforce: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const eventBus = values['event-bus'];
  if (eventBus !== 'auto' && eventBus !== 'never') {
    throw new Error(`--event-bus must be auto or never, got ${eventBus}`);
  }
  const replayShare = Number(values.replays);
  if (!(replayShare >= 0 && replayShare < 1)) {
    throw new Error('--replays must be a share from 0 to below 1');
  }
  const entities = whole(values.entities, '--entities');
  if (entities > 1000) throw new Error('--entities must be at most 1000');
  return {
    rates: values.rates.split(',').map(r => positive(r, '--rates')),
    seconds: positive(values.seconds, '--seconds'),
    warmupSeconds: Number(values.warmup) || 0,
    replayShare,
    entities,
    runs: whole(values.runs, '--runs'),
    deployments: whole(values.deployments, '--deployments'),
    doraQueries: whole(values['dora-queries'], '--dora-queries'),
    eventBus,
    pool: whole(values.pool, '--pool'),
    enforce: values.enforce,
    json: values.json,
    profile: values.profile,
    keep: values.keep,
  };
}
