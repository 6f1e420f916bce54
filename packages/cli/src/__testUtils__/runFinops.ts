import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CredentialStore } from '../auth/CredentialStore';
import { runCli } from '../program/createProgram';
import { CliDependencies } from '../program/context';

export interface FinopsRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A config folder of its own, so tests never touch the real credentials. */
export async function temporaryConfigHome(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'finops-cli-test-'));
}

/**
 * Runs the finops command line in-process, as the bin does, with captured
 * output, a private config folder and whatever dependencies a test swaps.
 */
export async function runFinops(
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    configHome?: string;
    deps?: Partial<CliDependencies>;
  } = {},
): Promise<FinopsRun> {
  let stdout = '';
  let stderr = '';
  const configHome = options.configHome ?? (await temporaryConfigHome());
  const env = { XDG_CONFIG_HOME: configHome, ...options.env };
  const exitCode = await runCli(
    args,
    {
      env,
      streams: {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
      },
      readStdin: async () => '',
      fetch: globalThis.fetch,
      now: Date.now,
      openBrowser: async () => {
        throw new Error('no browser in tests');
      },
      store: CredentialStore.fromEnvironment(env),
      ...options.deps,
    },
    '0.0.0-test',
  );
  return { exitCode, stdout, stderr };
}
