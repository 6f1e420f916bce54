import { Command } from 'commander';
import { parseEntityArgument } from '../../lib/entityRefs';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { checkThenRequest } from './deployFlow';
import { environmentName, versionName } from './deployArguments';

interface DeployOptions {
  env: string;
  version: string;
  check?: boolean;
}

export function registerDeploy(parent: Command, kit: CommandKit) {
  leaf(
    parent
      .command('deploy')
      .description(
        'Deploy a version of a service to an environment, if finops.deploy allows it',
      )
      .argument('<entity>', 'the service: name, kind:name or full ref')
      .requiredOption(
        '-e, --env <environment>',
        'target environment',
        environmentName,
      )
      .requiredOption(
        '-v, --version <version>',
        'tag, branch or commit sha',
        versionName,
      )
      .option('--check', 'only ask finops.deploy; request nothing')
      .addHelpText(
        'after',
        '\nfinops.deploy decides first (separation of duties, change windows, open critical\n' +
          'violations, error budget). Allowed: dispatched at once. Approval required: a pending\n' +
          'request someone else approves (finops approvals). Refused: exit 1, nothing requested.\n' +
          'Deploys need a person signed in (finops login), not a service token.',
      )
      .action(action(kit.deps, kit.state, deploy)),
    [
      [
        'deploy a release to staging',
        'finops deploy card-payments --env staging --version v1.5.0',
      ],
      [
        'would production take it?',
        'finops deploy card-payments --env production --version v1.5.0 --check',
      ],
    ],
  );
}

async function deploy(
  context: CommandContext,
  entityArg: string,
  options: DeployOptions,
) {
  const entity = parseEntityArgument(entityArg);
  return checkThenRequest(
    context,
    {
      entityRef: entity.ref,
      action: 'deploy',
      environment: options.env,
      version: options.version,
    },
    { checkOnly: Boolean(options.check) },
  );
}
