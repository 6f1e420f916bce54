/*
 * A closed-loop load generator: `concurrency` workers, each with its own
 * keep-alive connection, send the next request as soon as the previous
 * answer is read. Every latency is recorded (no sampling, no histogram
 * buckets) from just before the request is written to when the whole body
 * is read, and every answer is checked, so a failing target cannot look fast.
 * node:http rather than undici: no dependency outside Node itself; its cost
 * on the shared two cores is the same for every target.
 */
import { Agent, request } from 'node:http';
import { Measurement, percentile } from './report';

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Throws with a readable message when a 200 answer is not the expected decision. */
  check(body: string): void;
}

/** What one stretch of load on one target gave. */
export interface LoadSample {
  latenciesMs: number[];
  errors: number;
  errorSamples: string[];
  seconds: number;
  /** CPU this process spent generating it: the two cores are shared. */
  cpuSeconds: number;
}

/** At most this many errors are worth a line in the report each. */
const ERROR_SAMPLES = 3;

/** Load on one target; run() can be called several times, interleaved with other targets. */
export class ClosedLoop {
  readonly #agent: Agent;
  readonly #send: () => Promise<void>;
  readonly #concurrency: number;

  static create(target: LoadTarget, concurrency: number): ClosedLoop {
    return new ClosedLoop(target, concurrency);
  }

  private constructor(target: LoadTarget, concurrency: number) {
    this.#agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    this.#send = poster(target, this.#agent);
    this.#concurrency = concurrency;
  }

  async run(seconds: number): Promise<LoadSample> {
    const sample: LoadSample = {
      latenciesMs: [],
      errors: 0,
      errorSamples: [],
      seconds: 0,
      cpuSeconds: 0,
    };
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    const end = started + BigInt(Math.round(seconds * 1e9));
    const worker = async () => {
      while (process.hrtime.bigint() < end) {
        const sent = process.hrtime.bigint();
        try {
          await this.#send();
          sample.latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
        } catch (error) {
          sample.errors += 1;
          if (sample.errorSamples.length < ERROR_SAMPLES) {
            sample.errorSamples.push((error as Error).message);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: this.#concurrency }, worker));
    // Until the last answer, not the nominal end: requests in flight count.
    sample.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    sample.cpuSeconds = (cpu.user + cpu.system) / 1e6;
    return sample;
  }

  close() {
    this.#agent.destroy();
  }
}

/** Pools the samples of one target: percentiles over every request. */
export function summarize(samples: LoadSample[]): Measurement {
  const latencies = samples.flatMap(s => s.latenciesMs).sort((a, b) => a - b);
  const errors = samples.reduce((n, s) => n + s.errors, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  const cpuSeconds = samples.reduce((n, s) => n + s.cpuSeconds, 0);
  return {
    requests: latencies.length + errors,
    errors,
    errorSamples: samples.flatMap(s => s.errorSamples).slice(0, ERROR_SAMPLES),
    seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    throughput: latencies.length / seconds,
    clientCpuPercent: (100 * cpuSeconds) / seconds,
  };
}

function poster(target: LoadTarget, agent: Agent): () => Promise<void> {
  const url = new URL(target.url);
  const body = Buffer.from(target.body);
  const headers = {
    ...target.headers,
    'content-type': 'application/json',
    'content-length': String(body.length),
  };
  return () =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers,
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              if (res.statusCode !== 200) {
                throw new Error(
                  `HTTP ${res.statusCode}: ${text.slice(0, 200)}`,
                );
              }
              target.check(text);
              resolve();
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
