/*
 * The figures of a run, their ratios to the anchors, and how they are
 * printed: a table for people, JSON for machines (results/latest.json).
 */
import { CpuShare } from './cpuShare';
import { DoraRow, DoraStatement } from './dora';
import { OpenLoopResult } from './openLoop';
import { TargetResult } from './targets';
import { StorageCheck } from './verify';

export interface Step {
  rate: number;
  seconds: number;
  /** Deliveries posted, replays included. */
  deliveries: number;
  replays: number;
  backend: Omit<OpenLoopResult, 'lastAnswerAt'>;
  anchor: Omit<OpenLoopResult, 'lastAnswerAt'>;
  /** backend p99 ÷ anchor p99: above 1 is slower than the plain insert. */
  p99Ratio: number;
  /** backend throughput ÷ anchor throughput. */
  throughputRatio: number;
  /** After the last answer, until every delivery id was in the database. */
  ingestionLagMs: number | null;
  /** Cores used while the deliveries came in, by whom. */
  cpu?: CpuShare;
  /** When the deliveries came in (epoch ms). */
  startedAt: number;
  endedAt: number;
  /** Catalog queries of the plugin meanwhile (cache misses). */
  catalogLookups?: number;
}

export interface BenchResults {
  finishedAt: string;
  machine: {
    cpus: number;
    node: string;
    postgres: string;
    postgresJit: string;
    loadAverageAtStart: number;
  };
  settings: Record<string, unknown>;
  seeding: { rows: Record<string, number | undefined>; seconds: number };
  steps: Step[];
  storage: StorageCheck;
  dora: DoraRow[];
  doraStatements: DoraStatement[];
  targets: TargetResult[];
  notes: string[];
}

type Column<T> = [title: string, width: number, cell: (row: T) => string];

const ms = (n: number | null) => (n === null ? '-' : n.toFixed(1));

const STEP_COLUMNS: Array<Column<Step>> = [
  ['rate/s', 7, s => String(s.rate)],
  ['sent', 6, s => String(s.deliveries)],
  ['p50 ms', 7, s => ms(s.backend.p50Ms)],
  ['p99 ms', 7, s => ms(s.backend.p99Ms)],
  ['max ms', 7, s => ms(s.backend.maxMs)],
  ['thr./s', 7, s => s.backend.throughput.toFixed(0)],
  ['drain ms', 9, s => ms(s.backend.drainMs)],
  ['errors', 6, s => String(s.backend.errors)],
  ['lag ms', 7, s => ms(s.ingestionLagMs)],
  ['catalog', 7, s => String(s.catalogLookups ?? '-')],
  ['| anchor p50', 12, s => ms(s.anchor.p50Ms)],
  ['p99', 6, s => ms(s.anchor.p99Ms)],
  ['thr./s', 7, s => s.anchor.throughput.toFixed(0)],
  ['| p99 ÷ anchor', 14, s => s.p99Ratio.toFixed(1)],
  ['thr. ÷ anchor', 14, s => s.throughputRatio.toFixed(2)],
  [
    '| cores: backend pg driver others',
    33,
    s =>
      s.cpu
        ? [s.cpu.backend, s.cpu.postgres, s.cpu.driver, s.cpu.others]
            .map(n => n.toFixed(2))
            .join('  ')
        : '-',
  ],
];

const DORA_COLUMNS: Array<Column<DoraRow>> = [
  ['DORA scope', 11, r => r.scope],
  ['entities', 8, r => String(r.entities)],
  ['prod. deploys', 13, r => String(r.deployments)],
  ['queries', 7, r => String(r.queries)],
  ['p50 ms', 7, r => ms(r.p50Ms)],
  ['p99 ms', 7, r => ms(r.p99Ms)],
  ['errors', 6, r => String(r.errors)],
  ['| anchor p50', 12, r => ms(r.anchorP50Ms)],
  ['p99', 6, r => ms(r.anchorP99Ms)],
  ['| p99 ÷ anchor', 14, r => r.p99Ratio.toFixed(1)],
];

function table<T>(columns: Array<Column<T>>, rows: T[]): string[] {
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0 ? cell.padEnd(columns[i][1]) : cell.padStart(columns[i][1]),
      )
      .join(' ');
  return [
    line(columns.map(([title]) => title)),
    ...rows.map(row => line(columns.map(([, , cell]) => cell(row)))),
  ];
}

export function formatResults(results: BenchResults): string {
  const { machine, settings, storage } = results;
  const out = [
    `${machine.cpus} CPUs (load ${machine.loadAverageAtStart} at start), ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgres} (jit ${machine.postgresJit})`,
    `history: ${Object.entries(results.seeding.rows)
      .map(([t, n]) => `${n} ${t.replace('pipeline_', '')}`)
      .join(', ')} seeded in ${results.seeding.seconds.toFixed(0)} s; ` +
      `event bus: ${settings.eventBus}; pool: ${settings.pool} per plugin; replays: ${settings.replayShare}`,
    ...(settings.profile ? ['PROFILED: figures not comparable'] : []),
    '',
    'signed deliveries (open loop, latency from when each was due) | plain insert anchor',
    ...table(STEP_COLUMNS, results.steps),
    'p99 ms per second of each step:',
    ...results.steps.map(
      s =>
        `  ${String(s.rate).padEnd(5)} ${s.backend.p99BySecondMs
          .map(v => v.toFixed(0))
          .join(' ')}`,
    ),
    '',
    `stored: ${storage.deliveriesSent} deliveries sent, ${storage.deliveriesAcknowledged} answered 202, ` +
      `${storage.distinctDeliveries} distinct; ` +
      `lost ${storage.lost}, duplicated ${storage.duplicated}`,
    ...storage.tables.map(
      t =>
        `  ${t.table.padEnd(21)} expected ${String(t.expected).padStart(6)}` +
        `  found ${String(t.found).padStart(6)}  missing ${t.missing}` +
        `  wrong state ${t.wrongState}  extra ${t.extra}`,
    ),
    '',
    ...table(DORA_COLUMNS, results.dora),
    'its statements alone, in process (median ms):',
    ...results.dora.map(
      row =>
        `  ${row.scope.padEnd(7)} ${results.doraStatements
          .filter(s => s.scope === row.scope)
          .map(s => `${s.statement} ${s.medianMs.toFixed(1)}`)
          .join(', ')}`,
    ),
    '',
    ...results.targets.map(
      t =>
        `${t.pass ? 'PASS' : 'FAIL'}  ${t.name}  (measured ${formatValue(t)})`,
    ),
  ];
  for (const step of results.steps) {
    for (const sample of step.backend.errorSamples) {
      out.push(`error at ${step.rate}/s: ${sample}`);
    }
    for (const sample of step.anchor.errorSamples) {
      out.push(`anchor error at ${step.rate}/s: ${sample}`);
    }
  }
  for (const row of results.dora) {
    for (const sample of row.errorSamples) {
      out.push(`DORA error (${row.scope}): ${sample}`);
    }
  }
  return [...out, ...results.notes].join('\n');
}

function formatValue(t: TargetResult): string {
  const digits = t.unit === 'ms' ? 1 : 0;
  return `${t.value.toFixed(digits)}${t.unit ? ` ${t.unit}` : ''}`;
}
