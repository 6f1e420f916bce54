import { Command } from 'commander';
import { CliError } from '../lib/CliError';
import { ExitCode, ExitStatus } from '../lib/exitCodes';
import { CliDependencies, CommandContext, GlobalOptions } from './context';

/** Where the program's exit code is collected while commander runs. */
export interface RunState {
  exitCode: number;
}

/** A command handler: a result exit code, or nothing for success. */
export type Handler<A extends unknown[]> = (
  context: CommandContext,
  ...args: A
) => Promise<ExitStatus | void>;

/**
 * Turns a handler into a commander action: builds the context from the
 * global options, runs the handler, and reports whatever it throws as one
 * line with its exit code.
 */
export function action<A extends unknown[]>(
  deps: CliDependencies,
  state: RunState,
  handler: Handler<A>,
) {
  return async (...raw: unknown[]) => {
    const command = raw[raw.length - 1] as Command;
    const globals = command.optsWithGlobals() as GlobalOptions;
    const context = new CommandContext(deps, globals);
    try {
      state.exitCode =
        (await handler(context, ...(raw.slice(0, -1) as A))) ?? 0;
    } catch (error) {
      state.exitCode = await report(context, error);
    }
  };
}

async function report(
  context: CommandContext,
  error: unknown,
): Promise<number> {
  const session = context.openedSession();
  const explained = session
    ? await session.then(s => s.explain(error)).catch(() => error)
    : error;
  if (explained instanceof CliError) {
    context.output.error(explained.message, explained.exitCode);
    return explained.exitCode;
  }
  const err = explained as Error;
  context.output.error(
    `unexpected error: ${
      err?.message ?? String(err)
    } (this is a bug in finops; FINOPS_DEBUG=1 shows where)`,
    ExitCode.Failure,
  );
  if (context.env.FINOPS_DEBUG && err?.stack) {
    context.deps.streams.stderr.write(`${err.stack}\n`);
  }
  return ExitCode.Failure;
}
