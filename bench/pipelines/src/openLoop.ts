/*
 * An open-loop load generator: operation i is started at start + i / rate
 * whether or not earlier ones have finished (as GitHub sends webhooks: it
 * does not wait for our previous answer), so a slow target builds a queue
 * instead of slowing the load down. Latency is counted from the moment an
 * operation was due, not from when the generator got round to it, so that
 * a late generator cannot hide queueing; how late it was is reported too.
 * Every latency is kept; percentiles are nearest-rank over all operations.
 */
import { Agent, request } from 'node:http';
import { percentile } from '../../policy/src/report';
import { Delivery } from './deliveries';

const ERROR_SAMPLES = 3;

export interface OpenLoopResult {
  rate: number;
  operations: number;
  ok: number;
  errors: number;
  errorSamples: string[];
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Successful operations per second, from the first due time to the last answer. */
  throughput: number;
  /** 99th percentile of how late operations were started. */
  lateP99Ms: number;
  /** The latest an operation was started, per second of the step. */
  lateMaxBySecondMs: number[];
  /** From the last operation's due time to the last answer. */
  drainMs: number;
  /** Share of one core the generator used. */
  clientCpuPercent: number;
  /** p99 of the operations due in each second of the step. */
  p99BySecondMs: number[];
  /** When the last operation finished (ms, performance.now()). */
  lastAnswerAt: number;
}

export async function openLoop(
  count: number,
  rate: number,
  operation: (index: number) => Promise<void>,
): Promise<OpenLoopResult> {
  const latencies: number[] = [];
  const bySecond: number[][] = [];
  const lateMax: number[] = [];
  const late: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let lastAnswerAt = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now() + 5;
  const due = (i: number) => start + (i * 1000) / rate;
  const pending: Promise<void>[] = [];
  let next = 0;
  while (next < count) {
    const now = performance.now();
    while (next < count && due(next) <= now) {
      const index = next++;
      const dueAt = due(index);
      late.push(now - dueAt);
      const second = Math.floor(index / rate);
      lateMax[second] = Math.max(lateMax[second] ?? 0, now - dueAt);
      pending.push(
        operation(index).then(
          () => {
            lastAnswerAt = performance.now();
            latencies.push(lastAnswerAt - dueAt);
            (bySecond[Math.floor(index / rate)] ??= []).push(
              lastAnswerAt - dueAt,
            );
          },
          error => {
            lastAnswerAt = performance.now();
            errors += 1;
            if (errorSamples.length < ERROR_SAMPLES) {
              errorSamples.push((error as Error).message);
            }
          },
        ),
      );
    }
    if (next < count) {
      const wait = due(next) - performance.now();
      await new Promise(r => setTimeout(r, Math.max(0, Math.floor(wait))));
    }
  }
  await Promise.all(pending);
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedS = (lastAnswerAt - start) / 1000;
  latencies.sort((a, b) => a - b);
  late.sort((a, b) => a - b);
  return {
    rate,
    operations: count,
    ok: latencies.length,
    errors,
    errorSamples,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
    throughput: latencies.length / elapsedS,
    lateP99Ms: percentile(late, 0.99),
    lateMaxBySecondMs: Array.from(lateMax, v => v ?? 0),
    drainMs: lastAnswerAt - due(count - 1),
    p99BySecondMs: Array.from(bySecond, second =>
      percentile(
        (second ?? []).sort((a, b) => a - b),
        0.99,
      ),
    ),
    clientCpuPercent: (cpu.user + cpu.system) / 1e4 / elapsedS,
    lastAnswerAt,
  };
}

/** Posts deliveries to the events backend's GitHub ingress, keep-alive. */
export class WebhookSender {
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 256 });
  readonly #url: URL;

  constructor(baseUrl: string) {
    this.#url = new URL('/api/events/http/github', baseUrl);
  }

  send(delivery: Delivery): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const req = request(
        {
          agent: this.#agent,
          host: this.#url.hostname,
          port: this.#url.port,
          path: this.#url.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(delivery.body.length),
            'user-agent': 'GitHub-Hookshot/bench',
            'x-github-event': delivery.event,
            'x-github-delivery': delivery.id,
            'x-hub-signature-256': delivery.signature,
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            // The events backend answers 202 once subscribers are done.
            if (res.statusCode === 202) {
              resolve();
            } else {
              const text = Buffer.concat(chunks).toString('utf8');
              reject(
                new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`),
              );
            }
          });
        },
      );
      req.on('error', reject);
      req.end(delivery.body);
    });
  }

  close() {
    this.#agent.destroy();
  }
}
