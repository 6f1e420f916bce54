/*
 * Figures per target, their ratios to the anchor (b), and how they are
 * printed: a table for people, JSON for machines.
 */

export interface Measurement {
  requests: number;
  errors: number;
  errorSamples?: string[];
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  /** Correct decisions per second. */
  throughput: number;
  /** Share of one core the load generator used (HTTP targets only). */
  clientCpuPercent?: number;
}

export interface Row extends Measurement {
  id: string;
  label: string;
  /** p99 of this row divided by p99 of (b): above 1 is slower. */
  p99Ratio: number;
  /** Throughput of this row divided by that of (b): below 1 is slower. */
  throughputRatio: number;
}

export interface TargetResult {
  name: string;
  value: number;
  unit: '×' | 'decisions/s';
  limit: number;
  pass: boolean;
}

export interface BenchResults {
  finishedAt: string;
  machine: {
    cpus: number;
    node: string;
    opa: string;
    loadAverageAtStart: number;
  };
  settings: {
    concurrency: number;
    durationSeconds: number;
    warmupSeconds: number;
    rounds: number;
    profile: boolean;
    decisionPoint: string;
    input: string;
    decisionLog: string;
  };
  rows: Row[];
  targets: TargetResult[];
  notes: string[];
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)];
}

export function withRatios(
  rows: Array<Measurement & { id: string; label: string }>,
  anchorId: string,
): Row[] {
  const anchor = rows.find(r => r.id === anchorId)!;
  return rows.map(r => ({
    ...r,
    p99Ratio: r.p99Ms / anchor.p99Ms,
    throughputRatio: r.throughput / anchor.throughput,
  }));
}

const COLUMNS: Array<[string, number, (r: Row) => string]> = [
  ['target', 38, r => `(${r.id}) ${r.label}`],
  ['p50 ms', 8, r => r.p50Ms.toFixed(2)],
  ['p99 ms', 8, r => r.p99Ms.toFixed(2)],
  ['decisions/s', 12, r => r.throughput.toFixed(0)],
  ['p99 ÷ (b)', 10, r => r.p99Ratio.toFixed(2)],
  ['thr. ÷ (b)', 11, r => r.throughputRatio.toFixed(2)],
  ['errors', 7, r => String(r.errors)],
  [
    'client CPU',
    11,
    r =>
      r.clientCpuPercent === undefined
        ? '-'
        : `${r.clientCpuPercent.toFixed(0)}%`,
  ],
];

export function formatTable(rows: Row[], targets: TargetResult[]): string {
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0 ? cell.padEnd(COLUMNS[i][1]) : cell.padStart(COLUMNS[i][1]),
      )
      .join(' ');
  const out = [
    line(COLUMNS.map(([title]) => title)),
    ...rows.map(row => line(COLUMNS.map(([, , cell]) => cell(row)))),
    '',
    ...targets.map(
      t =>
        `${t.pass ? 'PASS' : 'FAIL'}  ${t.name}  (measured ${formatValue(t)})`,
    ),
  ];
  for (const row of rows) {
    for (const sample of row.errorSamples ?? []) {
      out.push(`error in (${row.id}): ${sample}`);
    }
  }
  return out.join('\n');
}

function formatValue(t: TargetResult): string {
  return t.unit === '×'
    ? `${t.value.toFixed(2)}×`
    : `${t.value.toFixed(0)} ${t.unit}`;
}

/** The run as the table and notes printed at its end. */
export function formatResults(results: BenchResults): string {
  const { machine, settings } = results;
  return [
    `${machine.cpus} CPUs (load ${machine.loadAverageAtStart} at start), ` +
      `Node ${machine.node}, OPA ${machine.opa}`,
    `${settings.concurrency} connections, ${settings.durationSeconds} s per ` +
      `target in ${settings.rounds} turns after ${settings.warmupSeconds} s ` +
      `warm-up; decision log: ${settings.decisionLog}`,
    ...(settings.profile ? ['PROFILED: figures not comparable'] : []),
    '',
    formatTable(results.rows, results.targets),
    ...results.notes,
  ].join('\n');
}
