import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { freePort } from '../e2e-tests/support/backendProcess';

const INSTRUMENTATION = resolve(__dirname, 'instrumentation.js');

/**
 * Runs a node process with the instrumentation loaded as the image loads
 * it; the script reports what it sees on stdout.
 */
function run(env: Record<string, string>, script: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>(
    done => {
      const child = spawn(
        process.execPath,
        ['--require', INSTRUMENTATION, '-e', script],
        { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', chunk => (stdout += chunk));
      child.stderr.on('data', chunk => (stderr += chunk));
      child.on('exit', code => done({ code, stdout, stderr }));
    },
  );
}

/** Fetches /metrics on `port` from inside the instrumented process. */
const scrape = (port: number) => `
  setTimeout(async () => {
    try {
      const res = await fetch('http://127.0.0.1:${port}/metrics');
      console.log(res.status, await res.text());
    } catch (error) {
      console.log('unreachable', error.cause?.code);
    }
    process.exit(0);
  }, 1500);`;

describe('instrumentation.js', () => {
  jest.setTimeout(60_000);

  it('serves the process metrics on FINOPS_METRICS_PORT', async () => {
    const port = await freePort();
    const { code, stdout } = await run(
      { FINOPS_METRICS_PORT: String(port), FINOPS_METRICS_HOST: '127.0.0.1' },
      scrape(port),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^200 /);
    expect(stdout).toMatch(/^process_cpu_time_total\{cpu_mode="user"/m);
    expect(stdout).toMatch(/^process_memory_usage\{/m);
    expect(stdout).toMatch(/^nodejs_eventloop_delay_p99\{/m);
    expect(stdout).toMatch(/service_name="finops-platform-backend"/);
  });

  it('turns metrics off with FINOPS_METRICS_PORT=0', async () => {
    const port = await freePort();
    const { code, stdout } = await run(
      { FINOPS_METRICS_PORT: '0' },
      `const { metrics } = require('@opentelemetry/api');
       const meter = metrics.getMeter('x');
       console.log(meter.constructor.name);
       ${scrape(port)}`,
    );
    expect(code).toBe(0);
    // No SDK: the API's no-op meter, and nothing listening.
    expect(stdout).toMatch(/^NoopMeter/);
    expect(stdout).toMatch(/unreachable ECONNREFUSED/);
  });

  it('keeps the process running, and says why, when the port is taken', async () => {
    const port = await freePort();
    const taken = createServer();
    await new Promise<void>(r => taken.listen(port, '127.0.0.1', () => r()));
    try {
      const { code, stderr } = await run(
        { FINOPS_METRICS_PORT: String(port), FINOPS_METRICS_HOST: '127.0.0.1' },
        'setTimeout(() => process.exit(0), 1500);',
      );
      expect(code).toBe(0);
      expect(stderr).toContain(
        `Metrics are not served: cannot listen on 127.0.0.1:${port}`,
      );
    } finally {
      await new Promise(r => taken.close(r));
    }
  });

  it('refuses a port that is not a number', async () => {
    const { code, stderr } = await run(
      { FINOPS_METRICS_PORT: 'ninety' },
      'process.exit(0)',
    );
    expect(code).not.toBe(0);
    expect(stderr).toContain('FINOPS_METRICS_PORT must be a port number');
  });
});
