import {
  DeployAction,
  DeployCheck,
  DeployRequest,
} from '@finops/plugin-pipelines-common';
import { ExitCode, ExitStatus } from '../../lib/exitCodes';
import { CommandContext } from '../../program/context';
import { Output } from '../../output/Output';

export interface DeployAsk {
  entityRef: string;
  action: DeployAction;
  environment: string;
  version: string;
}

/**
 * A deploy, promotion or roll-back the way the portal's Deploy dialog does
 * it: ask finops.deploy first (nothing runs), show the answer, and only
 * then request it. Refused, or nothing that could run it: exit 1 and
 * nothing is requested.
 */
export async function checkThenRequest(
  context: CommandContext,
  ask: DeployAsk,
  options: { checkOnly: boolean },
): Promise<ExitStatus> {
  const session = await context.session();
  const { pipelines } = await context.clients();
  const notFound = `No entity ${ask.entityRef} in the catalog`;
  const check = await session.read(await pipelines.checkDeploy({ body: ask }), {
    notFound,
  });
  const runnable = check.outcome !== 'refused' && check.target !== null;
  if (options.checkOnly || !runnable) {
    context.output.result({ ...ask, check, request: null }, () =>
      renderCheck(context.output, ask, check),
    );
    return runnable ? ExitCode.Ok : ExitCode.Failure;
  }
  const request = await session.read(
    await pipelines.requestDeploy({ body: ask }),
    { notFound },
  );
  context.output.result({ ...ask, check, request }, () => {
    renderCheck(context.output, ask, check);
    renderRequest(context.output, request);
  });
  return request.status === 'failed' ? ExitCode.Failure : ExitCode.Ok;
}

export function renderCheck(
  output: Output,
  ask: DeployAsk,
  check: DeployCheck,
) {
  const { style } = output;
  const what = `${ask.action} ${ask.entityRef} ${ask.version} to ${ask.environment}`;
  const verdict = {
    allowed: style.green('allowed'),
    'approval-required': style.yellow('needs approval by someone else'),
    refused: style.red('refused'),
  }[check.outcome];
  output.line(`finops.deploy on ${what}: ${verdict}`);
  if (check.sha) output.line(style.dim(`  commit ${check.sha}`));
  if (check.commitAuthors.length > 0) {
    output.line(style.dim(`  authors ${check.commitAuthors.join(', ')}`));
  }
  for (const v of check.violations) {
    output.line(`  ${style.bold(v.rule)} (${v.severity}) ${v.message}`);
    output.line(`      ${style.dim('fix:')} ${v.remediation}`);
  }
  if (check.excepted.length > 0) {
    output.line(style.dim(`  excepted: ${check.excepted.join(', ')}`));
  }
  if (check.target) {
    output.line(
      style.dim(
        `  runs through ${
          check.target.type === 'argocd'
            ? 'Argo CD application'
            : 'GitHub workflow'
        } ${check.target.name}${
          check.target.repository ? ` (${check.target.repository})` : ''
        }`,
      ),
    );
  } else if (check.targetProblem) {
    output.line(`  ${style.red('nothing can run it:')} ${check.targetProblem}`);
  }
}

export function renderRequest(output: Output, request: DeployRequest) {
  const { style } = output;
  switch (request.status) {
    case 'dispatched':
      output.line(
        `${style.green('✔')} Dispatched (request ${request.id})${
          request.message ? `: ${request.message}` : ''
        }. The deployment shows in finops status once it reports.`,
      );
      break;
    case 'pending':
      output.line(
        `${style.yellow('…')} Waiting for approval: request ${
          request.id
        }. Someone else runs: finops approvals approve ${request.id}`,
      );
      break;
    case 'rejected':
      output.line(
        `${style.red('✘')} Rejected by ${request.reviewedBy ?? 'a reviewer'}${
          request.comment ? `: ${request.comment}` : ''
        }`,
      );
      break;
    default:
      output.line(
        `${style.red('✘')} Failed to dispatch (request ${request.id}): ${
          request.message ?? 'no answer from GitHub or Argo CD'
        }`,
      );
  }
}
