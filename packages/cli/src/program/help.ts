import { Command, InvalidArgumentError, Option } from 'commander';

export const DEFAULT_TIMEOUT_SECONDS = 60;

/**
 * The options every command takes. They are declared on each command that
 * runs something (and on the program, before the command name), because
 * the program parses positionally: `finops deploy --version v1` is the
 * deploy's version, `finops --version` the CLI's.
 */
export function addGlobalOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--portal <url>',
        'the portal (default: FINOPS_PORTAL_URL, else the last login)',
      ),
    )
    .addOption(
      new Option(
        '--json',
        'print the result as JSON (progress goes to stderr)',
      ),
    )
    .addOption(
      new Option(
        '--timeout <seconds>',
        `give up on a portal call after this long (default: ${DEFAULT_TIMEOUT_SECONDS})`,
      ).argParser(positiveSeconds),
    );
}

/**
 * Finishes a command that runs something: the global options, and an
 * "Examples:" section in its --help, each a comment saying what it does and
 * the command line that does it.
 */
export function leaf(
  command: Command,
  examples: Array<[what: string, commandLine: string]>,
): Command {
  const lines = examples.flatMap(([what, commandLine]) => [
    `  # ${what}`,
    `  $ ${commandLine}`,
  ]);
  return addGlobalOptions(command).addHelpText(
    'after',
    `\nExamples:\n${lines.join('\n')}\n`,
  );
}

/** Collects a repeatable option (`--set a=1 --set b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses a positive number of seconds (`--timeout 30`). */
export function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError('must be a positive number of seconds');
  }
  return seconds;
}

/** Parses a positive integer (`--limit 10`). */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new InvalidArgumentError('must be a positive whole number');
  }
  return number;
}
