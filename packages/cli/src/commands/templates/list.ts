import { stringifyEntityRef } from '@backstage/catalog-model';
import { Command } from 'commander';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { renderTable } from '../../output/table';

export interface TemplateSummary {
  ref: string;
  name: string;
  title: string | null;
  description: string | null;
  type: string | null;
  owner: string | null;
  tags: string[];
}

export function registerTemplates(parent: Command, kit: CommandKit) {
  const templates = parent
    .command('templates')
    .description('The golden-path templates services are created from');
  leaf(
    templates
      .command('list')
      .description('List the templates in the catalog')
      .action(action(kit.deps, kit.state, listTemplates)),
    [
      ['see what you can create', 'finops templates list'],
      [
        'template names for a script',
        "finops templates list --json | jq -r '.[].name'",
      ],
    ],
  );
}

async function listTemplates(context: CommandContext) {
  const { catalog } = await context.clients();
  const { items } = await catalog.getEntities({
    filter: { kind: 'template' },
    fields: [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.title',
      'metadata.description',
      'metadata.tags',
      'spec.type',
      'spec.owner',
    ],
  });
  const templates: TemplateSummary[] = items
    .map(entity => ({
      ref: stringifyEntityRef(entity),
      name: entity.metadata.name,
      title: entity.metadata.title ?? null,
      description: entity.metadata.description?.trim() ?? null,
      type: (entity.spec?.type as string | undefined) ?? null,
      owner: (entity.spec?.owner as string | undefined) ?? null,
      tags: entity.metadata.tags ?? [],
    }))
    .sort((a, b) => a.ref.localeCompare(b.ref));

  const { output } = context;
  output.result(templates, () => {
    if (templates.length === 0) {
      output.line('No templates in the catalog.');
      return;
    }
    output.line(
      renderTable(
        ['NAME', 'TYPE', 'OWNER', 'TITLE'],
        templates.map(t => [
          t.ref.startsWith('template:default/') ? t.name : t.ref,
          t.type ?? '-',
          t.owner ?? '-',
          t.title ?? '',
        ]),
      ),
    );
    output.line();
    output.line(
      output.style.dim(
        'Create a service with: finops create <name> --set key=value ...',
      ),
    );
  });
}
