import { JsonObject } from '@backstage/types';
import { stripVTControlCharacters } from 'node:util';
import {
  LogEvent,
  ScaffolderOutputLink,
} from '@backstage/plugin-scaffolder-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { Command } from 'commander';
import { parseEntityArgument } from '../../lib/entityRefs';
import { ExitCode } from '../../lib/exitCodes';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { collect, leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { formatDuration } from '../../output/time';
import { Output } from '../../output/Output';
import {
  firstLine,
  followTask,
  StepProgress,
  StepTracker,
  taskNotFound,
} from './followTask';
import { explainScaffoldError } from './scaffoldErrors';
import { buildTemplateValues, readValuesFile } from './templateValues';

interface CreateOptions {
  values?: string;
  set?: string[];
}

export function registerCreate(parent: Command, kit: CommandKit) {
  leaf(
    parent
      .command('create')
      .description(
        'Create a service from a template: run the scaffolder task and follow its log until it ends',
      )
      .argument('<template>', 'template name or ref (template:default/name)')
      .option(
        '-f, --values <file>',
        'parameter values from a YAML or JSON file',
      )
      .option(
        '--set <name=value>',
        'one parameter value (repeatable; lists as a,b or [a, b])',
        collect,
      )
      .addHelpText(
        'after',
        '\nValues are typed by the template (true/false, numbers, lists). --set overrides --values.\n' +
          'Exits 1 when the task fails, naming the failing step; prints the links the task produced.',
      )
      .action(action(kit.deps, kit.state, create)),
    [
      [
        'a docs site for the payments system',
        'finops create techdocs-site --set name=payments-docs --set system=payments \\\n      --set owner=payments-team --set repoUrl="github.com?owner=acme&repo=payments-docs"',
      ],
      [
        'values from a file',
        'finops create techdocs-site --values docs-site.yaml',
      ],
      [
        'for a CI job: the task as JSON, its log on stderr',
        'finops create techdocs-site -f values.yaml --json',
      ],
    ],
  );
}

async function create(
  context: CommandContext,
  templateArg: string,
  options: CreateOptions,
) {
  const template = parseEntityArgument(templateArg, 'template');
  const fileValues = options.values ? await readValuesFile(options.values) : {};
  const session = await context.session();
  const { scaffolder } = await context.clients();
  const schema = await scaffolder
    .getTemplateParameterSchema(template.ref)
    .catch(async error => {
      throw await session.explain(error, {
        notFound: taskNotFound(template.ref).message,
      });
    });
  const values = buildTemplateValues({
    schema,
    fileValues: fileValues as JsonObject,
    assignments: options.set ?? [],
  });

  const { output } = context;
  const { taskId } = await scaffolder
    .scaffold({ templateRef: template.ref, values })
    .catch(async error => {
      throw await explainScaffoldError(error, session);
    });
  const task = await scaffolder.getTask(taskId);
  const tracker = new StepTracker(task.spec.steps);
  output.progress(
    `Creating from ${output.style.bold(template.ref)}: task ${taskId} (${
      tracker.steps.length
    } steps)`,
  );

  const completion = await followTask({
    session,
    taskId,
    onEvent: event => renderEvent(output, tracker, event),
  });
  const finalTask = await scaffolder.getTask(taskId);
  const failed = finalTask.status !== 'completed';
  const failedStep = tracker.failedStep;
  const links = (completion.output?.links ?? []).map(link =>
    describeLink(link, session.portalUrl),
  );
  const result = {
    taskId,
    template: template.ref,
    status: finalTask.status,
    steps: tracker.steps,
    links,
    ...(failed && {
      error: {
        step: failedStep ? { id: failedStep.id, name: failedStep.name } : null,
        message:
          completion.error?.message ?? `the task ended ${finalTask.status}`,
      },
    }),
  };
  output.result(result, () => {
    output.line();
    if (failed) {
      output.line(
        `${output.style.red('✘')} ${
          failedStep
            ? `Step "${failedStep.name}" failed`
            : `The task ended ${finalTask.status}`
        }: ${result.error!.message}`,
      );
      return;
    }
    output.line(`${output.style.green('✔')} Created from ${template.ref}.`);
    for (const link of links) {
      output.line(`  ${link.title}: ${link.url ?? link.entityRef}`);
    }
  });
  return failed ? ExitCode.Failure : ExitCode.Ok;
}

function renderEvent(output: Output, tracker: StepTracker, event: LogEvent) {
  const changed = tracker.apply(event);
  const { style } = output;
  if (changed) {
    output.progress(stepLine(output, tracker, changed));
    if (changed.status === 'failed') {
      output.progress(`    ${style.red(firstLine(event.body.message))}`);
    }
    return;
  }
  if (event.type === 'log' && event.body.message) {
    // The scaffolder's logger colours its lines; ours decide colour.
    const message = stripVTControlCharacters(event.body.message).trimEnd();
    for (const line of message.split('\n')) {
      output.progress(`    ${style.dim(line)}`);
    }
  }
}

function stepLine(output: Output, tracker: StepTracker, step: StepProgress) {
  const { style } = output;
  const at = `[${tracker.position(step)}]`;
  const took =
    step.durationMs !== undefined
      ? ` (${formatDuration(step.durationMs)})`
      : '';
  switch (step.status) {
    case 'processing':
      return `${style.cyan('▸')} ${at} ${step.name}`;
    case 'completed':
      return `${style.green('✔')} ${at} ${step.name}${took}`;
    case 'skipped':
      return `${style.dim('–')} ${at} ${step.name} (skipped)`;
    case 'cancelled':
      return `${style.yellow('■')} ${at} ${step.name} (cancelled)`;
    default:
      return `${style.red('✘')} ${at} ${step.name}${took}`;
  }
}

/** An output link with a URL: catalog entities link to their page. */
function describeLink(link: ScaffolderOutputLink, portalUrl: string) {
  let url = link.url;
  if (!url && link.entityRef) {
    const ref = parseEntityRef(link.entityRef);
    url = `${portalUrl}/catalog/${ref.namespace}/${ref.kind.toLocaleLowerCase(
      'en-US',
    )}/${ref.name}`;
  }
  return {
    title: link.title ?? link.entityRef ?? 'link',
    url: url ?? null,
    entityRef: link.entityRef ?? null,
  };
}
