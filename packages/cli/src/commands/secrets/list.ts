import { Command } from 'commander';
import { EntitySecrets } from '@finops/plugin-secrets-common';
import { parseEntityArgument } from '../../lib/entityRefs';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { Output } from '../../output/Output';
import { renderTable } from '../../output/table';
import { timeAgo } from '../../output/time';

export function registerSecretsList(parent: Command, kit: CommandKit) {
  leaf(
    parent
      .command('list')
      .description(
        "A service's Vault secrets: names, versions, rotation age, and the policies and roles provisioned for it. Never values.",
      )
      .argument('<entity>', 'the service: name, kind:name or full ref')
      .action(action(kit.deps, kit.state, list)),
    [
      ['what secrets a service has', 'finops secrets list card-payments'],
      [
        'overdue secrets, for a script',
        "finops secrets list card-payments --json | jq '[.paths[].secrets[] | select(.overdue)]'",
      ],
    ],
  );
}

async function list(context: CommandContext, entityArg: string) {
  const entity = parseEntityArgument(entityArg);
  const session = await context.session();
  const { secrets } = await context.clients();
  const result = await session.read(
    await secrets.getEntitySecrets({ query: { entityRef: entity.ref } }),
    { notFound: `No entity ${entity.ref} in the catalog` },
  );
  context.output.result(result, () =>
    renderSecrets(context.output, result, context.now()),
  );
}

export function renderSecrets(
  output: Output,
  result: EntitySecrets,
  now: Date,
) {
  const { style } = output;
  if (!result.configured) {
    output.line(
      `Vault is not configured in this portal. ${result.help ?? ''}`.trim(),
    );
    return;
  }
  output.line(
    `${style.bold(result.entityRef)}: Vault ${result.instance ?? 'default'}, ${
      result.kvMount ?? '?'
    }/${result.basePath ?? '?'}`,
  );
  if (result.help) output.line(`  ${style.yellow('!')} ${result.help}`);
  const rows = result.paths.flatMap(path =>
    path.secrets.map(secret => [
      secret.name,
      `v${secret.currentVersion}`,
      timeAgo(secret.rotatedTime, now),
      secret.overdue
        ? style.red(`overdue (> ${result.maxAgeDays} d)`)
        : style.green('ok'),
      secret.managed ? 'platform' : 'external',
    ]),
  );
  output.line();
  if (rows.length === 0) {
    output.line('  No secrets yet: finops secrets provision creates them.');
  } else {
    output.line(
      renderTable(
        ['SECRET', 'VERSION', 'ROTATED', 'ROTATION', 'MANAGED BY'],
        rows,
      )
        .split('\n')
        .map(l => `  ${l}`)
        .join('\n'),
    );
  }
  for (const path of result.paths.filter(p => p.problem)) {
    output.line(`  ${style.yellow('!')} ${path.path}: ${path.problem}`);
  }
  if (result.bindings.length > 0) {
    output.line();
    output.line(style.bold('Policies and roles'));
    output.line(
      renderTable(
        ['KIND', 'NAME', 'ENVIRONMENT', 'FOR', 'EXISTS'],
        result.bindings.map(b => [
          b.kind,
          b.name,
          b.environment,
          b.purpose,
          b.exists ? style.green('yes') : style.yellow('no'),
        ]),
      )
        .split('\n')
        .map(l => `  ${l}`)
        .join('\n'),
    );
  }
  if (result.uiUrl) output.line(style.dim(`\nVault UI: ${result.uiUrl}`));
}
