/*
 * The figures of a run and how they are printed: per rate, a table of the
 * routes with their ratios to the anchor and who used the cores, then the
 * verdict; results/latest.json for machines.
 */
import { CpuShare } from '../../pipelines/src/cpuShare';
import { OpenLoopResult } from '../../shared/src/openLoop';
import { StepFigures, TargetResult } from './targets';

export interface Step
  extends StepFigures,
    Omit<
      OpenLoopResult,
      'lastAnswerAt' | 'rate' | 'errors' | 'p50Ms' | 'p99Ms' | 'throughput'
    > {
  label: string;
  seconds: number;
  /** Cores used during the step, by whom (servers: Vault, exporter, Prometheus, Alertmanager). */
  cpu?: CpuShare;
}

export interface BenchResults {
  finishedAt: string;
  machine: {
    cpus: number;
    node: string;
    postgres: string;
    loadAverageAtStart: number;
  };
  settings: Record<string, unknown>;
  seeding: { rows: Record<string, number | undefined>; seconds: number };
  preparedSeconds: number;
  steps: Step[];
  targets: TargetResult[];
  /** With --profile: where the backend spent its CPU, per route. */
  profiles?: Record<string, string>;
  notes: string[];
}

type Column = [string, number, (s: Step) => string];

const CORES = ['backend', 'pg', 'servers', 'driver', 'others'];

const num = (v: number, digits = 1) =>
  Number.isFinite(v) ? v.toFixed(digits) : '-';

const COLUMNS: Column[] = [
  ['route', 22, s => (s.kind === 'anchor' ? `${s.route} (anchor)` : s.route)],
  ['sent', 6, s => (s.ran ? String(s.operations) : '-')],
  ['p50 ms', 8, s => (s.ran ? num(s.p50Ms) : '-')],
  ['p99 ms', 8, s => (s.ran ? num(s.p99Ms) : '-')],
  ['max ms', 8, s => (s.ran ? num(s.maxMs, 0) : '-')],
  ['ok/s', 6, s => (s.ran ? num(s.throughput, 0) : '-')],
  ['errors', 6, s => (s.ran ? String(s.errors) : '-')],
  ['unsent', 6, s => (s.ran ? String(s.unsent) : 'satur.')],
  [
    '| anchor p50/p99',
    16,
    s => (s.ran ? `${num(s.anchorP50Ms)}/${num(s.anchorP99Ms)}` : '-'),
  ],
  ['p50÷anchor', 10, s => (s.ran ? num(s.p50Ratio, 2) : '-')],
  ['p99÷anchor', 10, s => (s.ran ? num(s.p99Ratio, 2) : '-')],
  ['| late p99', 10, s => (s.ran ? num(s.lateP99Ms) : '-')],
  ['driver %', 8, s => (s.ran ? num(s.clientCpuPercent, 0) : '-')],
  [
    `| cores: ${CORES.join(' ')}`,
    9 + CORES.join(' ').length,
    s =>
      s.cpu
        ? [
            s.cpu.backend,
            s.cpu.postgres,
            s.cpu.servers ?? 0,
            s.cpu.driver,
            s.cpu.others,
          ]
            .map((n, i) => n.toFixed(2).padStart(CORES[i].length))
            .join(' ')
        : '-',
  ],
];

function table(steps: Step[]): string[] {
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0 ? cell.padEnd(COLUMNS[i][1]) : cell.padStart(COLUMNS[i][1]),
      )
      .join(' ');
  return [
    line(COLUMNS.map(([title]) => title)),
    ...steps.map(s => line(COLUMNS.map(([, , cell]) => cell(s)))),
  ];
}

export function formatResults(results: BenchResults): string {
  const { machine, settings } = results;
  const rates = [...new Set(results.steps.map(s => s.rate))];
  const out = [
    `${machine.cpus} CPUs (load ${machine.loadAverageAtStart} at start), ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgres}`,
    `${settings.entities} components; history: ${Object.entries(
      results.seeding.rows,
    )
      .map(([t, n]) => `${n} ${t.replace('pipeline_', '')}`)
      .join(', ')}; ready for load after ${results.preparedSeconds.toFixed(
      0,
    )} s; ${settings.seconds} s per route and rate, open loop`,
    ...(settings.profile ? ['PROFILED: figures not comparable'] : []),
    ...(settings.smoke ? ['SMOKE: tiny rates, figures say nothing'] : []),
  ];
  for (const rate of rates) {
    out.push('', `${rate} requests/s per route`);
    out.push(...table(results.steps.filter(s => s.rate === rate)));
  }
  out.push('', 'routes:');
  for (const s of results.steps.filter(step => step.rate === rates[0])) {
    out.push(`  ${s.route.padEnd(13)} ${s.label}`);
  }
  out.push('', 'targets:');
  for (const t of results.targets) {
    out.push(
      `${t.pass ? 'PASS' : 'FAIL'}  ${t.route.padEnd(13)} ${t.target}: ${
        t.detail
      }`,
    );
  }
  for (const s of results.steps) {
    for (const sample of s.errorSamples) {
      out.push(`error in ${s.route} at ${s.rate}/s: ${sample}`);
    }
  }
  for (const [route, profile] of Object.entries(results.profiles ?? {})) {
    out.push('', `where the backend spent its CPU: ${route}`, profile);
  }
  return [...out, '', ...results.notes].join('\n');
}
