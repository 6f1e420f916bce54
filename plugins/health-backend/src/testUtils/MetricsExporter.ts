import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** One label set of the request histogram and what each scrape adds to it. */
export interface ExportedRequests {
  labels: Record<string, string>;
  /** Requests added per scrape. */
  count: number;
  /** Cumulative bucket counts added per scrape, by `le` as written. */
  buckets: Record<string, number>;
  /** Seconds added to the histogram's sum per scrape. */
  sumSeconds: number;
}

/** A service's CPU seconds added per scrape. */
export interface ExportedCpu {
  labels: Record<string, string>;
  secondsPerScrape: number;
}

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(',');
}

/**
 * A Prometheus exporter serving the request histogram and CPU counter of
 * the golden-path templates, in the text exposition format. Every scrape
 * advances every series by its fixed amount, from zero: after n scrapes a
 * series holds n × its amount, so ratios between series are exact whatever
 * Prometheus extrapolates.
 */
export class MetricsExporter {
  #server?: Server;
  #scrapes = 0;
  readonly #requests: ExportedRequests[];
  readonly #cpu: ExportedCpu[];
  readonly #histogram: string;

  static async start(options: {
    requests: ExportedRequests[];
    cpu?: ExportedCpu[];
    histogram?: string;
  }): Promise<MetricsExporter> {
    const exporter = new MetricsExporter(options);
    await exporter.#listen();
    return exporter;
  }

  private constructor(options: {
    requests: ExportedRequests[];
    cpu?: ExportedCpu[];
    histogram?: string;
  }) {
    this.#requests = options.requests;
    this.#cpu = options.cpu ?? [];
    this.#histogram = options.histogram ?? 'http_server_requests_seconds';
  }

  /** `host:port`, for Prometheus' static_configs. */
  get target(): string {
    const { port } = this.#server!.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  /** How many times it was scraped. */
  get scrapes(): number {
    return this.#scrapes;
  }

  async close(): Promise<void> {
    await new Promise(resolve => this.#server?.close(resolve));
  }

  /** The exposition after `n` scrapes. */
  exposition(n: number): string {
    const h = this.#histogram;
    const lines = [
      `# HELP ${h} HTTP server request duration.`,
      `# TYPE ${h} histogram`,
    ];
    for (const series of this.#requests) {
      const labels = labelText(series.labels);
      for (const [le, count] of Object.entries(series.buckets)) {
        lines.push(`${h}_bucket{${labels},le="${le}"} ${count * n}`);
      }
      lines.push(`${h}_sum{${labels}} ${series.sumSeconds * n}`);
      lines.push(`${h}_count{${labels}} ${series.count * n}`);
    }
    lines.push(
      '# HELP process_cpu_seconds_total Total user and system CPU time.',
      '# TYPE process_cpu_seconds_total counter',
    );
    for (const cpu of this.#cpu) {
      lines.push(
        `process_cpu_seconds_total{${labelText(cpu.labels)}} ${
          cpu.secondsPerScrape * n
        }`,
      );
    }
    return `${lines.join('\n')}\n`;
  }

  async #listen(): Promise<void> {
    this.#server = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.#scrapes += 1;
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      res.end(this.exposition(this.#scrapes));
    });
    await new Promise<void>(resolve =>
      this.#server!.listen(0, '127.0.0.1', resolve),
    );
  }
}

/**
 * A service's traffic per scrape at half its error budget: 200 requests,
 * 199 answered 200 and 1 answered 500 (0.5% bad), 199 within 250 ms
 * (0.5% slow), so against 99% availability and `99% < 250ms` objectives
 * half of each budget is left. The end-to-end, hardening and load suites
 * all serve it.
 */
export function halfBudgetRequests(labels: {
  service: string;
  method: string;
  route: string;
}): ExportedRequests[] {
  const buckets = (fast: number, all: number) => ({
    '0.05': Math.min(fast, 120),
    '0.1': Math.min(fast, 170),
    '0.25': fast,
    '0.5': all,
    '1': all,
    '+Inf': all,
  });
  return [
    {
      labels: { ...labels, status: '200' },
      count: 199,
      buckets: buckets(199, 199),
      sumSeconds: 12,
    },
    {
      labels: { ...labels, status: '500' },
      count: 1,
      buckets: buckets(0, 1),
      sumSeconds: 0.4,
    },
  ];
}
