/*
 * The load itself: per rate, every route in turn, open loop at that rate.
 *
 * A read route is compared with the anchor measured next to it, not
 * minutes before: the two take turns (`--turn` seconds each, anchor
 * first) until each has had its `--duration`, so that whatever else the
 * shared machine and the backend's own background work (catalog
 * processing, scheduled tasks) did meanwhile fell on both. The anchor's
 * row of a rate pools all its turns at that rate; its turns next to a
 * read route are what that route's ratios divide by. The overhead and the
 * write routes run in one go and are divided by the pooled anchor.
 *
 * A route saturates when it falls `--saturation` seconds behind: requests
 * worth that many seconds of its rate wait for an answer (the step stops
 * sending), or its last answer comes that long after the last request was
 * due. It is then not run at higher rates.
 */
import { CpuMonitor, CpuShare } from '../../pipelines/src/cpuShare';
import { percentile } from '../../policy/src/report';
import { nowUs, Window } from '../../policy/src/profile';
import { openLoop, OpenLoopResult } from '../../shared/src/openLoop';
import { LoadOptions } from './args';
import { HttpSender } from './httpLoad';
import { Step } from './report';
import { ANCHOR, Route } from './routes';

/** Quiet between steps, so that one step's tail does not fall on the next. */
const PAUSE_MS = 500;
const ERROR_SAMPLES = 3;

type Turn = OpenLoopResult & {
  latenciesMs: number[];
  cpu: CpuShare;
  /** Fell behind: requests left unsent, or answers long after the last was due. */
  saturated: boolean;
};

/** The figures of a route not run at a rate (it saturated below). */
const NOT_RUN = {
  ran: false,
  saturated: true,
  operations: 0,
  ok: 0,
  errors: 0,
  errorSamples: [],
  unsent: 0,
  p50Ms: NaN,
  p99Ms: NaN,
  maxMs: NaN,
  throughput: 0,
  lateP99Ms: NaN,
  lateMaxBySecondMs: [],
  drainMs: NaN,
  clientCpuPercent: NaN,
  p99BySecondMs: [],
  p50Ratio: NaN,
  p99Ratio: NaN,
};

const order = (routes: Route[], id: string) =>
  routes.findIndex(r => r.id === id);

export async function measure(o: {
  options: LoadOptions;
  selected: Route[];
  sender: HttpSender;
  cpu: CpuMonitor;
  /** Measurement windows per route, for --profile. */
  windows: Map<string, Window[]>;
  newDeliveries: (count: number) => void;
  log: (message: string) => void;
}): Promise<Step[]> {
  const { options, sender, cpu } = o;
  const anchor = o.selected.find(r => r.id === ANCHOR)!;
  const saturatedAt = new Map<string, number>();
  const steps: Step[] = [];

  const turn = async (route: Route, rate: number, seconds: number) => {
    const count = Math.max(1, Math.round(rate * seconds));
    if (route.id === 'webhooks') o.newDeliveries(count);
    const startUs = nowUs();
    const before = cpu.sample();
    const result = await openLoop(
      count,
      rate,
      async i => {
        await sender.send(route, i);
      },
      {
        keepLatencies: true,
        maxInFlight: Math.max(10, Math.round(rate * options.saturationSeconds)),
      },
    );
    const share = CpuMonitor.share(before, cpu.sample());
    o.windows.set(route.id, [
      ...(o.windows.get(route.id) ?? []),
      { startUs, endUs: nowUs() },
    ]);
    await new Promise(r => setTimeout(r, PAUSE_MS));
    const saturated =
      result.unsent > 0 || result.drainMs > options.saturationSeconds * 1000;
    return { ...result, cpu: share, saturated } as Turn;
  };

  for (const rate of options.rates) {
    const anchorTurns: Turn[] = [];
    const rows: Array<{ route: Route; turns: Turn[]; paired?: Turn[] }> = [];
    for (const route of o.selected) {
      if (route === anchor) continue;
      if (saturatedAt.has(route.id)) {
        rows.push({ route, turns: [] });
        continue;
      }
      const turns: Turn[] = [];
      if (route.kind === 'read') {
        const paired: Turn[] = [];
        const count = Math.max(
          1,
          Math.round(options.seconds / options.turnSeconds),
        );
        const seconds = options.seconds / count;
        o.log(
          `${route.id} and the anchor at ${rate}/s: ${count} turns of ${seconds} s`,
        );
        for (let i = 0; i < count; i++) {
          paired.push(await turn(anchor, rate, seconds));
          const t = await turn(route, rate, seconds);
          turns.push(t);
          if (t.saturated) break;
        }
        anchorTurns.push(...paired);
        rows.push({ route, turns, paired });
      } else {
        o.log(`${route.id} at ${rate}/s for ${options.seconds} s`);
        turns.push(await turn(route, rate, options.seconds));
        rows.push({ route, turns });
      }
      if (turns.some(t => t.saturated)) saturatedAt.set(route.id, rate);
    }
    if (anchorTurns.length === 0) {
      // No read route at this rate: the anchor runs on its own.
      o.log(`the anchor at ${rate}/s for ${options.seconds} s`);
      anchorTurns.push(await turn(anchor, rate, options.seconds));
    }
    const pooledAnchor = pool(anchorTurns);
    const stepOf = (route: Route, turns: Turn[], against: Pooled): Step => {
      const base = {
        route: route.id,
        kind: route.kind,
        label: route.label,
        rate,
        seconds: options.seconds,
        anchorP50Ms: against.p50Ms,
        anchorP99Ms: against.p99Ms,
      };
      if (turns.length === 0) return { ...base, ...NOT_RUN };
      const figures = pool(turns);
      return {
        ...base,
        ...figures,
        ran: true,
        saturated: turns.some(t => t.saturated),
        p50Ratio: figures.p50Ms / against.p50Ms,
        p99Ratio: figures.p99Ms / against.p99Ms,
      };
    };
    steps.push(stepOf(anchor, anchorTurns, pooledAnchor));
    for (const row of rows) {
      const against = row.paired ? pool(row.paired) : pooledAnchor;
      steps.push(stepOf(row.route, row.turns, against));
    }
    // Printed in the order routes were given: the overhead first.
    steps.sort((a, b) =>
      a.rate !== b.rate
        ? a.rate - b.rate
        : order(o.selected, a.route) - order(o.selected, b.route),
    );
  }
  return steps;
}

type Pooled = ReturnType<typeof pool>;

/** Several turns of one route as one step: percentiles over every request. */
function pool(turns: Turn[]) {
  const latencies = turns.flatMap(t => t.latenciesMs).sort((a, b) => a - b);
  const ok = turns.reduce((n, t) => n + t.ok, 0);
  // Each turn's time from its first due time to its last answer.
  const seconds = turns.reduce(
    (n, t) => n + (t.throughput > 0 ? t.ok / t.throughput : 0),
    0,
  );
  const mean = (f: (t: Turn) => number) =>
    turns.reduce((n, t) => n + f(t), 0) / turns.length;
  return {
    operations: turns.reduce((n, t) => n + t.operations, 0),
    ok,
    errors: turns.reduce((n, t) => n + t.errors, 0),
    errorSamples: turns.flatMap(t => t.errorSamples).slice(0, ERROR_SAMPLES),
    unsent: turns.reduce((n, t) => n + t.unsent, 0),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
    throughput: seconds > 0 ? ok / seconds : 0,
    lateP99Ms: Math.max(...turns.map(t => t.lateP99Ms)),
    lateMaxBySecondMs: turns.flatMap(t => t.lateMaxBySecondMs),
    drainMs: Math.max(...turns.map(t => t.drainMs)),
    clientCpuPercent: mean(t => t.clientCpuPercent),
    p99BySecondMs: turns.flatMap(t => t.p99BySecondMs),
    cpu: {
      backend: mean(t => t.cpu.backend),
      postgres: mean(t => t.cpu.postgres),
      driver: mean(t => t.cpu.driver),
      servers: mean(t => t.cpu.servers ?? 0),
      others: mean(t => t.cpu.others),
    },
  };
}
