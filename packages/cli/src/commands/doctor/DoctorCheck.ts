import { performance } from 'node:perf_hooks';
import { CliError } from '../../lib/CliError';
import { ExitCode } from '../../lib/exitCodes';

/**
 * ok: answers; warn: could not be checked with these credentials, or not
 * installed; fail: required or configured, and down; skip: not configured
 * or not checkable (no status endpoint).
 */
export type CheckState = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  name: string;
  state: CheckState;
  detail: string;
  latencyMs: number | null;
}

/**
 * Runs one probe and times it. What it throws becomes the check's state:
 * 403 and 404 say the check could not be made (warn), anything else that
 * the thing is down (fail).
 */
export async function timed(
  name: string,
  probe: () => Promise<Omit<CheckResult, 'name' | 'latencyMs'>>,
  explain: (error: unknown) => Promise<unknown>,
): Promise<CheckResult> {
  const started = performance.now();
  try {
    const result = await probe();
    return {
      name,
      ...result,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (raw) {
    const latencyMs = Math.round(performance.now() - started);
    const error = await explain(raw);
    if (error instanceof CliError) {
      const cannotCheck =
        error.exitCode === ExitCode.PermissionDenied ||
        error.exitCode === ExitCode.NotFound;
      return {
        name,
        state: cannotCheck ? 'warn' : 'fail',
        detail: error.message,
        latencyMs,
      };
    }
    return {
      name,
      state: 'fail',
      detail: (error as Error)?.message ?? String(error),
      latencyMs,
    };
  }
}
