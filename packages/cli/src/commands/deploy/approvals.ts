import { Command } from 'commander';
import { DeployRequest } from '@finops/plugin-pipelines-common';
import { parseEntityArgument } from '../../lib/entityRefs';
import { ExitCode } from '../../lib/exitCodes';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { renderTable } from '../../output/table';
import { timeAgo } from '../../output/time';
import { requestId } from './deployArguments';
import { renderRequest } from './deployFlow';

interface ListOptions {
  entity?: string;
}

interface ReviewOptions {
  comment?: string;
}

export function registerApprovals(parent: Command, kit: CommandKit) {
  const approvals = parent
    .command('approvals')
    .description('Deploy requests waiting for approval, and reviewing them');

  leaf(
    approvals
      .command('list')
      .description('List pending deploy requests')
      .option('--entity <entity>', 'only this service')
      .action(action(kit.deps, kit.state, list)),
    [
      ['everything waiting', 'finops approvals list'],
      ['one service', 'finops approvals list --entity card-payments'],
    ],
  );
  for (const verdict of ['approve', 'reject'] as const) {
    leaf(
      approvals
        .command(verdict)
        .description(
          verdict === 'approve'
            ? 'Approve a request and dispatch it (finops.deploy decides again with you as approver)'
            : 'Reject a request; nothing is deployed',
        )
        .argument('<id>', 'request id (from finops approvals list)', requestId)
        .option(
          '-m, --comment <text>',
          'why, for the requester and the audit log',
        )
        .action(
          action(
            kit.deps,
            kit.state,
            (context, id: string, options: ReviewOptions) =>
              review(context, verdict, id, options),
          ),
        ),
      [
        [
          `${verdict} a request`,
          `finops approvals ${verdict} 6f1c1c9e-2a3b-4c5d-8e9f-0a1b2c3d4e5f --comment "${
            verdict === 'approve'
              ? 'change CHG-1234 approved'
              : 'outside the change window'
          }"`,
        ],
      ],
    );
  }
}

async function list(context: CommandContext, options: ListOptions) {
  const session = await context.session();
  const { pipelines } = await context.clients();
  const entityRef = options.entity
    ? parseEntityArgument(options.entity).ref
    : undefined;
  const { items } = await session.read(
    await pipelines.listDeployRequests({
      query: { status: 'pending', ...(entityRef && { entityRef }) },
    }),
  );
  const { output } = context;
  output.result(items, () => {
    if (items.length === 0) {
      output.line('No deploy requests are waiting for approval.');
      return;
    }
    output.line(
      renderTable(
        [
          'ID',
          'ENTITY',
          'ACTION',
          'ENVIRONMENT',
          'VERSION',
          'REQUESTED BY',
          'WHEN',
        ],
        items.map((r: DeployRequest) => [
          r.id,
          r.entityRef,
          r.action,
          r.environment,
          r.version,
          r.requestedBy,
          timeAgo(r.requestedAt, context.now()),
        ]),
      ),
    );
  });
}

async function review(
  context: CommandContext,
  verdict: 'approve' | 'reject',
  id: string,
  options: ReviewOptions,
) {
  const session = await context.session();
  const { pipelines } = await context.clients();
  const request = {
    path: { requestId: id },
    body: options.comment ? { comment: options.comment } : {},
  };
  const reviewed = await session.read(
    verdict === 'approve'
      ? await pipelines.approveDeployRequest(request)
      : await pipelines.rejectDeployRequest(request),
    { notFound: `No deploy request ${id}` },
  );
  context.output.result(reviewed, () =>
    renderRequest(context.output, reviewed),
  );
  return reviewed.status === 'failed' ? ExitCode.Failure : ExitCode.Ok;
}
