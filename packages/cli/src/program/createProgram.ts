import { Command, CommanderError } from 'commander';
import { registerAuthCommands } from '../commands/auth';
import { registerCatalogCommands } from '../commands/catalog';
import { registerCompletion } from '../commands/completion';
import { registerDoctor } from '../commands/doctor';
import {
  registerApprovals,
  registerDeploy,
  registerRollback,
} from '../commands/deploy';
import { registerPolicyCommands } from '../commands/policy/exceptions';
import { registerSecretsCommands } from '../commands/secrets';
import { registerStatus } from '../commands/status';
import { registerCreate, registerTemplates } from '../commands/templates';
import { EXIT_CODES_HELP, ExitCode } from '../lib/exitCodes';
import { RunState } from './action';
import { CliDependencies } from './context';
import { addGlobalOptions } from './help';
import { CommandKit } from './registry';

const ENVIRONMENT_HELP = [
  'Environment:',
  '  FINOPS_PORTAL_URL  the portal, when --portal is not given',
  '  FINOPS_TOKEN       a static access token (CI); used instead of stored credentials, never stored',
  '  XDG_CONFIG_HOME    credentials live in $XDG_CONFIG_HOME/finops/credentials.json (default ~/.config)',
  '  NO_COLOR           plain output',
].join('\n');

/**
 * The finops command line. Everything it touches outside itself comes in
 * `deps`, and its exit code goes to `state`, so tests run it in-process.
 */
export function createProgram(
  deps: CliDependencies,
  state: RunState,
  version: string,
): Command {
  const program = new Command('finops');
  program
    .description(
      'Self-service on the FinOps Platform from a terminal or CI: create services from golden paths, ' +
        'check catalog files against policy, see and deploy services, provision secrets.',
    )
    .version(version, '-V, --version', 'print the finops version')
    // Options after a command name belong to that command (so `deploy
    // --version v1` is the deploy's); each command re-declares the global ones.
    .enablePositionalOptions()
    .showHelpAfterError('(finops <command> --help shows usage and examples)')
    .exitOverride()
    .configureOutput({
      writeOut: text => deps.streams.stdout.write(text),
      writeErr: text => deps.streams.stderr.write(text),
      outputError: (text, write) =>
        write(`finops: ${text.replace(/^error: /, '')}`),
    })
    .addHelpText('after', `\n${ENVIRONMENT_HELP}\n\n${EXIT_CODES_HELP}\n`);
  addGlobalOptions(program);

  const kit: CommandKit = { deps, state };
  registerAuthCommands(program, kit);
  registerTemplates(program, kit);
  registerCreate(program, kit);
  registerCatalogCommands(program, kit);
  registerStatus(program, kit);
  registerDeploy(program, kit);
  registerRollback(program, kit);
  registerApprovals(program, kit);
  registerSecretsCommands(program, kit);
  registerPolicyCommands(program, kit);
  registerDoctor(program, kit);
  registerCompletion(program, kit);
  return program;
}

/** Runs finops with `argv` (without node and script); resolves the exit code. */
export async function runCli(
  argv: string[],
  deps: CliDependencies,
  version: string,
): Promise<number> {
  const state: RunState = { exitCode: ExitCode.Ok };
  const program = createProgram(deps, state, version);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; a bare group shows its help and, like
      // every parse error, is a usage error.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    throw error;
  }
}
