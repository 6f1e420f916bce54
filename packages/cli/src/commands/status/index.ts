import { Command } from 'commander';
import { parseEntityArgument } from '../../lib/entityRefs';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { loadStatus } from './loadStatus';
import { renderStatus } from './renderStatus';

export function registerStatus(parent: Command, kit: CommandKit) {
  leaf(
    parent
      .command('status')
      .description(
        'A service at a glance: latest runs, what runs in each environment, health and SLOs, open violations',
      )
      .argument(
        '<entity>',
        'name, kind:name or kind:namespace/name (default kind: component)',
      )
      .addHelpText(
        'after',
        '\nParts the portal cannot answer (no health backend, no access) say why instead of failing.',
      )
      .action(action(kit.deps, kit.state, status)),
    [
      ['a service', 'finops status card-payments'],
      ['an API, as JSON', 'finops status api:payments-api --json'],
    ],
  );
}

async function status(context: CommandContext, entityArg: string) {
  const ref = parseEntityArgument(entityArg);
  const report = await loadStatus(context, ref);
  context.output.result(report, () =>
    renderStatus(context.output, report, context.now()),
  );
}
