/**
 * The finops command: the FinOps Platform's self-service from a terminal and
 * from CI.
 *
 * @packageDocumentation
 */
import { openBrowser } from './auth/openBrowser';
import { runCli } from './program/createProgram';
import packageJson from '../package.json';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

runCli(
  process.argv.slice(2),
  {
    env: process.env,
    streams: { stdout: process.stdout, stderr: process.stderr },
    readStdin,
    fetch: globalThis.fetch,
    now: Date.now,
    openBrowser,
  },
  packageJson.version,
).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(
      `finops: unexpected error: ${error?.stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
