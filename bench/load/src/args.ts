/*
 * Command-line flags. The defaults keep a whole run under ten minutes on
 * two cores: the backend's start and the catalog's first pass over the
 * generated entities (one to two minutes), then, per rate, the generator's
 * own overhead and the seven routes, 10 s each, the four read routes
 * taking turns with the anchor (a route that saturated is not run at
 * higher rates). --smoke is two seconds per route at 5 and 10/s: it proves
 * every route answers correctly under some load, not how fast.
 */
import { parseArgs } from 'node:util';
import { positive, whole } from '../../shared/src/args';

export interface LoadOptions {
  rates: number[];
  seconds: number;
  /** A read route and the anchor take turns of this long. */
  turnSeconds: number;
  warmupSeconds: number;
  entities: number;
  routes: string[] | undefined;
  /** Requests waiting for an answer, in seconds of the rate, before a step stops as saturated. */
  saturationSeconds: number;
  connections: number;
  smoke: boolean;
  json: boolean;
  profile: boolean;
  keep: boolean;
}

export const USAGE = `Usage: bench/load/run.sh [flags]
  --rates <list>        requests per second per route, in turn (default 100,250,500)
  --duration <s>        seconds per route and rate (default 10)
  --turn <s>            a read route and the anchor take turns of this long until
                        each had its duration (default 2)
  --warmup <s>          unmeasured seconds per route at 20/s before the first rate (default 3)
  --entities <n>        components in the generated catalog (default 300, at most 1000)
  --routes <list>       only these routes (ids as printed; the anchor always runs)
  --saturation <s>      a route is saturated when it falls this many seconds behind
                        (requests worth that many seconds of its rate waiting, or
                        the last answer that long after the last was due; default 2)
  --connections <n>     keep-alive connections of the load generator per origin (default 128)
  --smoke               a few seconds at 5 and 10/s: checks every route, not speed
  --json                print the results as JSON on stdout (table to stderr)
  --profile             CPU-profile the backend and print, per route, where it
                        spent its time (figures then not comparable)
  --keep                keep this run's database and the backend's log
Needs FINOPS_TEST_POSTGRES_URL (run.sh starts a private PostgreSQL).
Exit status: 0; 1 when requests failed (an answer other than the route's
success status, or none); 2 when the run itself failed (logs kept in the
temp directory named). A missed target is reported, not an exit status.`;

export function readArgs(argv: string[]): LoadOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      rates: { type: 'string' },
      duration: { type: 'string' },
      turn: { type: 'string' },
      warmup: { type: 'string' },
      entities: { type: 'string' },
      routes: { type: 'string' },
      saturation: { type: 'string', default: '2' },
      connections: { type: 'string', default: '128' },
      smoke: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const smoke = values.smoke;
  const entities = whole(
    values.entities ?? (smoke ? '60' : '300'),
    '--entities',
  );
  if (entities > 1000) throw new Error('--entities must be at most 1000');
  return {
    rates: (values.rates ?? (smoke ? '5,10' : '100,250,500'))
      .split(',')
      .map(r => positive(r, '--rates')),
    seconds: positive(values.duration ?? (smoke ? '2' : '10'), '--duration'),
    turnSeconds: positive(values.turn ?? (smoke ? '1' : '2'), '--turn'),
    warmupSeconds: Number(values.warmup ?? (smoke ? '0' : '3')) || 0,
    entities,
    routes: values.routes?.split(',').map(r => r.trim()),
    saturationSeconds: positive(values.saturation, '--saturation'),
    connections: whole(values.connections, '--connections'),
    smoke,
    json: values.json,
    profile: values.profile,
    keep: values.keep,
  };
}
