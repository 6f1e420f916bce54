import { ExitCode, ExitStatus } from './exitCodes';

/**
 * An error the command reports as one line on stderr, with the exit code
 * that says what kind of failure it was. Everything a user can cause or fix
 * ends up as one of these; anything else is a bug and shows its stack.
 */
export class CliError extends Error {
  readonly exitCode: ExitStatus;

  constructor(exitCode: ExitStatus, message: string) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }

  static usage(message: string): CliError {
    return new CliError(ExitCode.Usage, message);
  }

  static failure(message: string): CliError {
    return new CliError(ExitCode.Failure, message);
  }

  static notFound(message: string): CliError {
    return new CliError(ExitCode.NotFound, message);
  }

  static notSignedIn(message: string): CliError {
    return new CliError(ExitCode.NotSignedIn, message);
  }
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}
