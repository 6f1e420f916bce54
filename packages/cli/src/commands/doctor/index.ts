import { Command } from 'commander';
import { ExitCode } from '../../lib/exitCodes';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { Output } from '../../output/Output';
import { renderTable } from '../../output/table';
import { CheckResult } from './DoctorCheck';
import {
  checkCatalog,
  checkObservability,
  checkPolicy,
  checkPortal,
  checkSignIn,
  checkVault,
  uncheckable,
} from './checks';

export function registerDoctor(parent: Command, kit: CommandKit) {
  leaf(
    parent
      .command('doctor')
      .description(
        'Check the platform: the portal, your sign-in, and each integration it uses, with timings',
      )
      .addHelpText(
        'after',
        '\nExits 1 when the portal, the sign-in, the catalog or the policy engine is down, or a\n' +
          'configured integration (Vault, Prometheus, Alertmanager, Grafana) does not answer.\n' +
          'Integrations that are not configured are reported, not failed.',
      )
      .action(action(kit.deps, kit.state, doctor)),
    [
      ['is everything up?', 'finops doctor'],
      ['for monitoring: the checks as JSON', 'finops doctor --json'],
    ],
  );
}

async function doctor(context: CommandContext) {
  const session = await context.session();
  const explain = (error: unknown) => session.explain(error);
  const portal = await checkPortal(session, explain);
  let checks: CheckResult[] = [portal];
  if (portal.state === 'fail') {
    checks.push({
      name: 'everything else',
      state: 'skip',
      detail: 'not checked: the portal did not answer',
      latencyMs: null,
    });
  } else {
    const signIn = await checkSignIn(context, explain);
    const [catalog, policy, vault, observability] = await Promise.all([
      checkCatalog(context, explain),
      checkPolicy(context, explain),
      checkVault(context, explain),
      checkObservability(context, explain),
    ]);
    checks = [
      portal,
      signIn,
      catalog,
      policy,
      ...vault,
      ...observability,
      ...uncheckable(),
    ];
  }
  const healthy = checks.every(check => check.state !== 'fail');
  context.output.result({ portal: session.portalUrl, healthy, checks }, () =>
    renderChecks(context.output, checks, healthy),
  );
  return healthy ? ExitCode.Ok : ExitCode.Failure;
}

function renderChecks(output: Output, checks: CheckResult[], healthy: boolean) {
  const { style } = output;
  const mark = {
    ok: style.green('✔'),
    warn: style.yellow('!'),
    fail: style.red('✘'),
    skip: style.dim('–'),
  };
  output.line(
    renderTable(
      ['', 'CHECK', 'TIME', 'RESULT'],
      checks.map(check => [
        mark[check.state],
        check.name,
        check.latencyMs === null ? '' : `${check.latencyMs} ms`,
        check.detail,
      ]),
    ),
  );
  output.line();
  const failed = checks.filter(check => check.state === 'fail');
  output.line(
    healthy
      ? `${style.green('✔')} Everything the platform needs answers.`
      : `${style.red('✘')} Down: ${failed
          .map(check => check.name)
          .join(', ')}.`,
  );
}
