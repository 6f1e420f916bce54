import { Command } from 'commander';
import { Deployment } from '@finops/plugin-pipelines-common';
import { CliError } from '../../lib/CliError';
import { parseEntityArgument } from '../../lib/entityRefs';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { environmentName, versionName } from './deployArguments';
import { checkThenRequest } from './deployFlow';

interface RollbackOptions {
  env: string;
  version?: string;
  check?: boolean;
}

/** How far back to look for the version to return to. */
const HISTORY = 50;

export function registerRollback(parent: Command, kit: CommandKit) {
  leaf(
    parent
      .command('rollback')
      .description(
        'Roll an environment back to a version it ran before (default: the last good one)',
      )
      .argument('<entity>', 'the service: name, kind:name or full ref')
      .requiredOption(
        '-e, --env <environment>',
        'the environment',
        environmentName,
      )
      .option(
        '-v, --version <version>',
        'the version to return to (default: the newest earlier successful one)',
        versionName,
      )
      .option('--check', 'only ask finops.deploy; request nothing')
      .action(action(kit.deps, kit.state, rollback)),
    [
      [
        'production back to its previous good version',
        'finops rollback card-payments --env production',
      ],
      [
        'to a given version',
        'finops rollback card-payments --env production --version v1.4.1',
      ],
    ],
  );
}

async function rollback(
  context: CommandContext,
  entityArg: string,
  options: RollbackOptions,
) {
  const entity = parseEntityArgument(entityArg);
  const version =
    options.version ??
    (await previousGoodVersion(context, entity.ref, options.env));
  return checkThenRequest(
    context,
    {
      entityRef: entity.ref,
      action: 'rollback',
      environment: options.env,
      version,
    },
    { checkOnly: Boolean(options.check) },
  );
}

/**
 * The newest successful deployment to the environment, older than the one
 * running, of another version: what "roll back" means when no version is
 * named.
 */
async function previousGoodVersion(
  context: CommandContext,
  entityRef: string,
  environment: string,
): Promise<string> {
  const session = await context.session();
  const { pipelines } = await context.clients();
  const { items } = await session.read(
    await pipelines.listEnvironments({
      query: { entityRef, historyLimit: HISTORY },
    }),
  );
  const state = items.find(
    e =>
      e.environment.toLocaleLowerCase('en-US') ===
      environment.toLocaleLowerCase('en-US'),
  );
  if (!state?.current) {
    throw CliError.failure(
      `${entityRef} has no successful deployment to ${environment}: nothing to roll back`,
    );
  }
  const current = state.current;
  const earlier = state.history.find(
    (d: Deployment) =>
      d.status === 'success' &&
      d.version !== current.version &&
      d.createdAt < current.createdAt,
  );
  if (!earlier) {
    throw CliError.failure(
      `No earlier successful version of ${entityRef} in ${environment} than ${current.version}: pass --version`,
    );
  }
  return earlier.version;
}
