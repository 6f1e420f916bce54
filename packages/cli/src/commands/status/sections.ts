import { CliError } from '../../lib/CliError';
import { ExitCode } from '../../lib/exitCodes';

/**
 * One part of a report that may be missing without failing the command:
 * health when the portal has no health backend, pipelines a token may not
 * read. A rejected token still fails the whole command.
 */
export type Section<T> =
  | { available: true; data: T }
  | { available: false; reason: string };

export async function section<T>(
  load: () => Promise<T>,
  explain: (error: unknown) => Promise<unknown>,
): Promise<Section<T>> {
  try {
    return { available: true, data: await load() };
  } catch (raw) {
    const error = await explain(raw);
    if (error instanceof CliError) {
      if (error.exitCode === ExitCode.NotSignedIn) throw error;
      return { available: false, reason: error.message };
    }
    throw error;
  }
}
