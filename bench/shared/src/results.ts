/** How the benchmarks hand over their results: a file and the terminal. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * results/latest.json (git-ignored): the last run, for tools and history.
 * Formatted by the repo's prettier, as `prettier --check .` reads it too.
 */
export function writeResults(dir: string, results: unknown) {
  const prettier = require('prettier') as {
    format(source: string, options: { parser: string }): string;
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'latest.json'),
    prettier.format(JSON.stringify(results), { parser: 'json' }),
  );
}

/** The table on stdout, or with --json the JSON there and the table on stderr. */
export function printResults(text: string, results: unknown, json: boolean) {
  if (json) {
    process.stderr.write(`${text}\n`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    process.stdout.write(`${text}\n`);
  }
}
