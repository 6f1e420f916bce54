import { stringifyEntityRef } from '@backstage/catalog-model';
import { Command } from 'commander';
import { CliError } from '../../lib/CliError';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';

interface RegisterOptions {
  dryRun?: boolean;
}

export function registerRegister(parent: Command, kit: CommandKit) {
  leaf(
    parent
      .command('register')
      .description(
        "Register a repository's catalog-info.yaml in the catalog (a url location)",
      )
      .argument(
        '<url>',
        'URL of the catalog-info.yaml, as the code host serves it',
      )
      .option('--dry-run', 'say what would be registered; register nothing')
      .addHelpText(
        'after',
        '\nThe catalog then processes the entities and checks them against finops.catalog;\n' +
          'see the result with finops status <entity>.',
      )
      .action(action(kit.deps, kit.state, register)),
    [
      [
        'register a service',
        'finops catalog register https://github.com/acme/card-payments/blob/main/catalog-info.yaml',
      ],
      [
        'see what it would register first',
        'finops catalog register https://github.com/acme/card-payments/blob/main/catalog-info.yaml --dry-run',
      ],
    ],
  );
}

async function register(
  context: CommandContext,
  target: string,
  options: RegisterOptions,
) {
  if (!URL.canParse(target) || !/^https?:$/.test(new URL(target).protocol)) {
    throw CliError.usage(`${target} is not an http(s) URL of a catalog file`);
  }
  const { catalog } = await context.clients();
  const result = await catalog.addLocation({
    type: 'url',
    target,
    dryRun: Boolean(options.dryRun),
  });
  const entities = result.entities.map(e => stringifyEntityRef(e));
  const { output } = context;
  output.result(
    {
      dryRun: Boolean(options.dryRun),
      location: { id: result.location.id, target: result.location.target },
      exists: result.exists ?? false,
      entities,
    },
    () => {
      if (options.dryRun) {
        output.line(
          result.exists
            ? `${target} is already registered; it holds:`
            : `Registering ${target} would add:`,
        );
      } else {
        output.line(`${output.style.green('✔')} Registered ${target}:`);
      }
      for (const ref of entities) output.line(`  ${ref}`);
      if (!options.dryRun) {
        output.line(
          output.style.dim(
            'The catalog processes them shortly; finops status <entity> shows their compliance.',
          ),
        );
      }
    },
  );
}
