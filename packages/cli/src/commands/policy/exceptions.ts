import { Command, InvalidArgumentError, Option } from 'commander';
import { PolicyException } from '@finops/plugin-policy-common';
import { CliError } from '../../lib/CliError';
import { parseEntityArgument } from '../../lib/entityRefs';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { renderTable } from '../../output/table';
import { timeAgo } from '../../output/time';

interface RequestOptions {
  entity: string;
  rule: string;
  justification: string;
  compensatingControl: string;
  expires: string;
}

interface ListOptions {
  entity?: string;
  status?: string;
}

const DAY_MS = 86_400_000;

export function registerPolicyCommands(program: Command, kit: CommandKit) {
  const exceptions = program
    .command('policy')
    .description('Policy exceptions (maker-checker)')
    .command('exceptions')
    .description(
      'Exceptions to a policy rule for one entity, approved by security',
    );

  leaf(
    exceptions
      .command('request')
      .description(
        'Ask for an exception to one rule on one entity; a security approver who is not you decides',
      )
      .requiredOption(
        '--entity <entity>',
        'the entity: name, kind:name or full ref',
      )
      .requiredOption('--rule <id>', 'the rule id, e.g. CAT-ONCALL-001')
      .requiredOption(
        '--justification <text>',
        'why the rule cannot be met now (10+ characters)',
      )
      .requiredOption(
        '--compensating-control <text>',
        'what limits the risk meanwhile (10+ characters)',
      )
      .requiredOption(
        '--expires <when>',
        'a date (2025-09-30) or days from now (30d); at most 90 days',
      )
      .action(action(kit.deps, kit.state, request)),
    [
      [
        'an exception while on-call is set up',
        'finops policy exceptions request --entity card-payments --rule CAT-ONCALL-001 \\\n' +
          '      --justification "PagerDuty service is being created (INC-42)" \\\n' +
          '      --compensating-control "The payments team watches the #payments-alerts channel" --expires 30d',
      ],
    ],
  );
  leaf(
    exceptions
      .command('list')
      .description('List exceptions, newest first')
      .option('--entity <entity>', 'only this entity')
      .addOption(
        new Option('--status <status>', 'only these').choices([
          'pending',
          'approved',
          'rejected',
          'expired',
        ]),
      )
      .action(action(kit.deps, kit.state, list)),
    [
      [
        'what is waiting for security',
        'finops policy exceptions list --status pending',
      ],
      [
        "one service's exceptions",
        'finops policy exceptions list --entity card-payments',
      ],
    ],
  );
}

/** "30d" or an ISO date/time -> an ISO time. */
export function parseExpiry(value: string, now: Date): string {
  const days = /^(\d{1,3})d$/.exec(value.trim());
  if (days)
    return new Date(now.getTime() + Number(days[1]) * DAY_MS).toISOString();
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw new InvalidArgumentError(
      'a date like 2025-09-30, or days from now like 30d',
    );
  }
  return at.toISOString();
}

async function request(context: CommandContext, options: RequestOptions) {
  const entity = parseEntityArgument(options.entity);
  let expiresAt: string;
  try {
    expiresAt = parseExpiry(options.expires, context.now());
  } catch (error) {
    throw CliError.usage(`--expires: ${(error as Error).message}`);
  }
  const session = await context.session();
  const { policy } = await context.clients();
  const created = await session.read(
    await policy.requestException({
      body: {
        entityRef: entity.ref,
        rule: options.rule,
        justification: options.justification,
        compensatingControl: options.compensatingControl,
        expiresAt,
      },
    }),
  );
  const { output } = context;
  output.result(created, () => {
    output.line(
      `${output.style.green('✔')} Requested exception ${created.id} to ${
        created.rule
      } on ${created.entityRef}, until ${created.expiresAt}.`,
    );
    output.line('A security approver who is not you reviews it in the portal.');
  });
}

async function list(context: CommandContext, options: ListOptions) {
  const session = await context.session();
  const { policy } = await context.clients();
  const entityRef = options.entity
    ? parseEntityArgument(options.entity).ref
    : undefined;
  const { items } = await session.read(
    await policy.listExceptions({
      query: {
        ...(entityRef && { entityRef }),
        ...(options.status && {
          status: options.status as PolicyException['status'],
        }),
      },
    }),
  );
  const { output } = context;
  output.result(items, () => {
    if (items.length === 0) {
      output.line('No exceptions.');
      return;
    }
    output.line(
      renderTable(
        ['ID', 'ENTITY', 'RULE', 'STATUS', 'EXPIRES', 'REQUESTED BY', 'WHEN'],
        items.map(e => [
          e.id,
          e.entityRef,
          e.rule,
          e.status,
          e.expiresAt.slice(0, 10),
          e.requestedBy,
          timeAgo(e.requestedAt, context.now()),
        ]),
      ),
    );
  });
}
