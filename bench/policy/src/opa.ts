/*
 * The two OPA anchors: `opa bench` (the engine alone, in process, one
 * goroutine) and `opa run --server` (the engine behind its REST API, which is
 * also what our server evaluator calls). Both load policies/ without tests,
 * the way scripts/lib/build-policy-bundle.sh builds the embedded bundle.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ChildService, freePort, startService } from './processes';
import { Measurement } from './report';

const run = promisify(execFile);
const IGNORE_TESTS = ['--ignore', '*_test.rego'];

export interface ExpectedDecision {
  allow: boolean;
  /** Sorted rule ids of the violations: compared on every response. */
  rules: string;
}

export async function opaVersion(opa: string): Promise<string> {
  const { stdout } = await run(opa, ['version']);
  return stdout.match(/^Version: (.*)$/m)?.[1] ?? 'unknown';
}

export function ruleIds(violations: Array<{ rule: string }>): string {
  return violations
    .map(v => v.rule)
    .sort()
    .join(',');
}

/** What every target must answer, from `opa eval` on the same sources. */
export async function expectedDecision(options: {
  opa: string;
  policies: string;
  inputFile: string;
  query: string;
}): Promise<ExpectedDecision> {
  const { stdout } = await run(options.opa, [
    'eval',
    ...IGNORE_TESTS,
    '--format=json',
    `--data=${options.policies}`,
    `--input=${options.inputFile}`,
    options.query,
  ]);
  const value = JSON.parse(stdout).result[0].expressions[0].value;
  return { allow: value.allow, rules: ruleIds(value.violations) };
}

/**
 * `opa bench` runs the query in a loop for about a second (Go's
 * testing.Benchmark) and reports ns/op plus a histogram of the evaluation
 * time; there are no HTTP, JSON or logging costs in it.
 */
export async function opaBench(options: {
  opa: string;
  policies: string;
  inputFile: string;
  query: string;
}): Promise<Measurement> {
  const { stdout } = await run(
    options.opa,
    [
      'bench',
      ...IGNORE_TESTS,
      '--format=json',
      `--data=${options.policies}`,
      `--input=${options.inputFile}`,
      options.query,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const { N, T, Extra } = JSON.parse(stdout) as {
    N: number;
    T: number;
    Extra: Record<string, number>;
  };
  const timer = 'histogram_timer_rego_query_eval_ns';
  return {
    requests: N,
    errors: 0,
    seconds: T / 1e9,
    p50Ms: Extra[`${timer}_median`] / 1e6,
    p99Ms: Extra[`${timer}_99%`] / 1e6,
    throughput: N / (T / 1e9),
  };
}

export async function startOpaServer(options: {
  opa: string;
  policies: string;
  logDir: string;
}): Promise<ChildService> {
  const port = await freePort();
  return startService({
    name: 'opa-server',
    command: options.opa,
    // OPA's defaults otherwise (info-level access log per request), as in
    // production: the backend logs every request too.
    args: [
      'run',
      '--server',
      `--addr=127.0.0.1:${port}`,
      ...IGNORE_TESTS,
      options.policies,
    ],
    cwd: options.logDir,
    logFile: join(options.logDir, 'opa-server.log'),
    url: `http://127.0.0.1:${port}`,
    healthPath: '/health',
  });
}
