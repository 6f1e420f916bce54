import { Command } from 'commander';
import { ExitCode } from '../../lib/exitCodes';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { Output } from '../../output/Output';
import { CatalogDocument, readCatalogFile } from './catalogFile';
import { checkCatalogPolicy, EntityPolicyResult } from './catalogPolicy';

interface ValidateOptions {
  policy: boolean;
}

export function registerValidate(parent: Command, kit: CommandKit) {
  leaf(
    parent
      .command('validate')
      .description(
        "Check a catalog-info.yaml as the portal would: Backstage's entity schema, then the finops.catalog policy",
      )
      .argument('<file>', 'catalog-info.yaml (one or more YAML documents)')
      .option(
        '--no-policy',
        'only check the entity schema (works without a portal)',
      )
      .addHelpText(
        'after',
        '\nExits 0 when the catalog would accept every entity, 1 when an enforcing rule fires\n' +
          '(the catalog would refuse it), 2 when the file is not valid YAML or not valid entities.\n' +
          'Reporting rules are printed but do not fail the check. Nothing is recorded in the portal.',
      )
      .action(action(kit.deps, kit.state, validate)),
    [
      [
        'check a service before opening a pull request',
        'finops catalog validate catalog-info.yaml',
      ],
      [
        'as a CI gate, with a report a later step can read',
        'finops catalog validate catalog-info.yaml --json > policy-report.json',
      ],
      [
        'schema only, offline (pre-commit hook)',
        'finops catalog validate catalog-info.yaml --no-policy',
      ],
    ],
  );
}

export interface ValidationReport {
  file: string;
  /** Every document is a valid entity. */
  valid: boolean;
  /** Valid, and no enforcing rule fires (null: policy not checked). */
  allowed: boolean | null;
  revision: string | null;
  entities: Array<{
    document: number;
    line: number;
    entityRef: string | null;
    schemaErrors: string[];
    policy: Omit<EntityPolicyResult, 'entityRef' | 'revision'> | null;
  }>;
}

async function validate(
  context: CommandContext,
  file: string,
  options: ValidateOptions,
) {
  const documents = await readCatalogFile(file);
  const valid = documents.every(d => d.errors.length === 0);
  const results =
    valid && options.policy
      ? await checkCatalogPolicy(
          context,
          documents.map(d => d.entity!),
        )
      : undefined;
  const report = buildReport(file, documents, results);
  context.output.result(report, () => renderReport(context.output, report));
  if (!report.valid) return ExitCode.Usage;
  return report.allowed === false ? ExitCode.Failure : ExitCode.Ok;
}

export function buildReport(
  file: string,
  documents: CatalogDocument[],
  results: EntityPolicyResult[] | undefined,
): ValidationReport {
  return {
    file,
    valid: documents.every(d => d.errors.length === 0),
    allowed: results ? results.every(r => r.allowed) : null,
    revision: results?.[0]?.revision ?? null,
    entities: documents.map((d, i) => {
      const result = results?.[i];
      return {
        document: d.index,
        line: d.line,
        entityRef: d.entityRef ?? null,
        schemaErrors: d.errors,
        policy: result
          ? {
              allowed: result.allowed,
              violations: result.violations,
              excepted: result.excepted,
            }
          : null,
      };
    }),
  };
}

export function renderReport(output: Output, report: ValidationReport) {
  const { style } = output;
  for (const entity of report.entities) {
    const name = entity.entityRef ?? `document ${entity.document}`;
    const where = style.dim(`${report.file}:${entity.line}`);
    if (entity.schemaErrors.length > 0) {
      output.line(`${style.red('✘')} ${style.bold(name)} ${where}`);
      for (const error of entity.schemaErrors) {
        output.line(`    ${style.red('invalid')} ${error}`);
      }
      continue;
    }
    const policy = entity.policy;
    if (!policy) {
      output.line(
        `${style.green('✔')} ${style.bold(name)} ${where}: a valid entity`,
      );
      continue;
    }
    const mark = policy.allowed ? style.green('✔') : style.red('✘');
    output.line(
      `${mark} ${style.bold(name)} ${where}${
        policy.violations.length === 0 ? ': no violations' : ''
      }`,
    );
    for (const v of policy.violations) {
      const label = v.enforcing
        ? style.red(`${v.severity}, enforcing`)
        : style.yellow(v.severity);
      output.line(`    ${style.bold(v.rule)} (${label}) ${v.message}`);
      output.line(`        ${style.dim('fix:')} ${v.remediation}`);
    }
    if (policy.excepted.length > 0) {
      output.line(
        `    ${style.dim(`excepted: ${policy.excepted.join(', ')}`)}`,
      );
    }
  }
  output.line();
  output.line(summary(report));
}

function summary(report: ValidationReport): string {
  if (!report.valid) {
    const count = report.entities.filter(e => e.schemaErrors.length > 0).length;
    return `${count} of ${report.entities.length} documents are not valid entities: the catalog would reject ${report.file}.`;
  }
  if (report.allowed === null) {
    return `${report.entities.length} valid entities (policy not checked).`;
  }
  const refused = report.entities.filter(e => e.policy && !e.policy.allowed);
  const reporting = report.entities.flatMap(
    e => e.policy?.violations.filter(v => !v.enforcing) ?? [],
  ).length;
  const tail = `${reporting} reporting violation${
    reporting === 1 ? '' : 's'
  }; policy revision ${report.revision?.slice(0, 12)}.`;
  if (refused.length > 0) {
    return `The catalog would refuse ${refused
      .map(e => e.entityRef)
      .join(', ')} (enforcing rules). ${tail}`;
  }
  return `The catalog would accept ${
    report.entities.length === 1
      ? 'it'
      : `all ${report.entities.length} entities`
  }. ${tail}`;
}
