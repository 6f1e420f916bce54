import { Output } from '../../output/Output';
import { renderTable } from '../../output/table';
import { formatDuration, percent, timeAgo } from '../../output/time';
import { Section } from './sections';
import { EntityStatus } from './loadStatus';

/** The human form of `finops status`: one block per part. */
export function renderStatus(output: Output, status: EntityStatus, now: Date) {
  const { style } = output;
  const { entity } = status;
  output.line(
    `${style.bold(status.entityRef)}${entity.title ? `  ${entity.title}` : ''}`,
  );
  const facts = [
    entity.type && `type ${entity.type}`,
    entity.owner && `owner ${entity.owner}`,
    entity.system && `system ${entity.system}`,
    entity.lifecycle && `lifecycle ${entity.lifecycle}`,
  ].filter(Boolean);
  if (facts.length > 0) output.line(style.dim(`  ${facts.join(' · ')}`));

  heading(output, 'Latest runs', status.runs, runs => {
    if (runs.length === 0) return ['  No workflow runs recorded.'];
    return indent(
      renderTable(
        ['RUN', 'WORKFLOW', 'BRANCH', 'RESULT', 'TOOK', 'WHEN', 'COMMIT'],
        runs.map(run => [
          `#${run.runNumber}`,
          run.workflowName,
          run.headBranch ?? '-',
          runResult(output, run.status, run.conclusion),
          formatDuration(run.durationMs),
          timeAgo(run.createdAt, now),
          run.headSha.slice(0, 7),
        ]),
      ),
    );
  });

  heading(output, 'Deployments', status.environments, environments => {
    if (environments.length === 0) return ['  Never deployed.'];
    return indent(
      renderTable(
        ['ENVIRONMENT', 'VERSION', 'DEPLOYED', 'BY', 'LATEST'],
        environments.map(env => {
          const latest = env.history[0];
          return [
            env.environment,
            env.current?.version ?? '-',
            env.current ? timeAgo(env.current.updatedAt, now) : '-',
            env.current?.triggeredBy ?? '-',
            latest && latest.id !== env.current?.id
              ? `${latest.version} ${deploymentStatus(output, latest.status)}`
              : '',
          ];
        }),
      ),
    );
  });

  heading(output, 'Health', status.health, ({ summary, slos }) => {
    const lines = [
      `  ${healthStatus(output, summary.status)}` +
        `  error budget ${percent(summary.errorBudgetRemaining)} left` +
        `  · firing alerts ${summary.firingAlerts ?? 'unknown'}`,
      ...summary.reasons.map(reason => `  ${style.dim(reason)}`),
    ];
    if (slos.slos.length === 0) {
      lines.push(`  ${style.dim('No SLO declared.')}`);
    } else {
      lines.push(
        ...indent(
          renderTable(
            ['SLO', 'ATTAINMENT', 'BUDGET LEFT', 'STATUS'],
            slos.slos.map(slo => [
              slo.title,
              percent(slo.attainment, 3),
              percent(slo.errorBudget.remaining),
              healthStatus(output, slo.status),
            ]),
          ),
        ),
      );
    }
    for (const source of summary.sources.filter(s => s.state !== 'ok')) {
      lines.push(
        `  ${style.yellow('!')} ${source.source} ${source.state}${
          source.message ? `: ${source.message}` : ''
        }`,
      );
    }
    return lines;
  });

  heading(output, 'Compliance', status.compliance, compliance => {
    const lines = [
      `  ${complianceStatus(output, compliance.status)}${
        compliance.violations.length > 0
          ? ` · ${compliance.violations.length} open violation${
              compliance.violations.length === 1 ? '' : 's'
            }`
          : ''
      }${
        compliance.evaluatedAt
          ? style.dim(` · checked ${timeAgo(compliance.evaluatedAt, now)}`)
          : ''
      }`,
    ];
    if (compliance.reason) lines.push(`  ${style.dim(compliance.reason)}`);
    for (const v of compliance.violations) {
      lines.push(`    ${style.bold(v.rule)} (${v.severity}) ${v.message}`);
    }
    if (compliance.excepted.length > 0) {
      lines.push(
        `  ${style.dim(`excepted: ${compliance.excepted.join(', ')}`)}`,
      );
    }
    return lines;
  });

  heading(
    output,
    'Pending deploy requests',
    status.pendingDeployRequests,
    requests =>
      requests.length === 0
        ? ['  None.']
        : indent(
            renderTable(
              [
                'ID',
                'ACTION',
                'ENVIRONMENT',
                'VERSION',
                'REQUESTED BY',
                'WHEN',
              ],
              requests.map(r => [
                r.id,
                r.action,
                r.environment,
                r.version,
                r.requestedBy,
                timeAgo(r.requestedAt, now),
              ]),
            ),
          ),
  );
}

function heading<T>(
  output: Output,
  title: string,
  part: Section<T>,
  render: (data: T) => string[],
) {
  output.line();
  output.line(output.style.bold(title));
  if (!part.available) {
    output.line(`  ${output.style.yellow('not available:')} ${part.reason}`);
    return;
  }
  for (const line of render(part.data)) output.line(line);
}

function indent(table: string): string[] {
  return table.split('\n').map(line => `  ${line}`);
}

function runResult(output: Output, status: string, conclusion: string | null) {
  if (status !== 'completed')
    return output.style.cyan(status.replace('_', ' '));
  if (conclusion === 'success') return output.style.green('success');
  if (conclusion === 'failure' || conclusion === 'timed_out') {
    return output.style.red(conclusion);
  }
  return conclusion ?? '-';
}

function deploymentStatus(output: Output, status: string) {
  if (status === 'success') return output.style.green(status);
  if (status === 'failure' || status === 'error')
    return output.style.red(status);
  return output.style.yellow(status);
}

function healthStatus(output: Output, status: string) {
  if (status === 'ok') return output.style.green('ok');
  if (status === 'warning') return output.style.yellow('warning');
  if (status === 'breached') return output.style.red('breached');
  return output.style.dim(status);
}

function complianceStatus(output: Output, status: string) {
  if (status === 'pass') return output.style.green('pass');
  if (status === 'fail') return output.style.red('fail');
  return output.style.yellow(status);
}
