import { parseEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { PolicyDecision, PolicyViolation } from '@finops/plugin-policy-common';
import { PolicyService } from '@finops/plugin-policy-node';
import { requesterOf } from './requester';

/** Systems approved for PCI-scoped components (SCF-PCI-001). */
const APPROVED_PCI_SYSTEMS_KEY = 'finops.policy.approvedPciSystems';

const EXAMPLE = [
  'steps:',
  '  - id: policy',
  '    name: Check the request against policy',
  '    action: finops:policy:check',
  '    input:',
  '      parameters: ${{ parameters }}',
].join('\n');

/**
 * `finops:policy:check`: asks the `finops.scaffolder` Rego policy whether a
 * template's form values may be used, before any later step creates
 * something. Evaluating has no side effects, so dry-runs are checked too.
 *
 * Parameters can hold secrets and step logs are kept with the task, so only
 * what the policy says (rule ids, messages, remediation) is ever logged.
 * When the policy cannot be evaluated the task fails: fail closed. The
 * decision is made by the policy backend, on behalf of the user who
 * started the task, so it is in the decision log.
 */
export function createPolicyCheckAction(options: {
  policy: Pick<PolicyService, 'decide'>;
  config: Config;
}) {
  const { policy } = options;
  const approvedPciSystems =
    options.config.getOptionalStringArray(APPROVED_PCI_SYSTEMS_KEY) ?? [];

  return createTemplateAction({
    id: 'finops:policy:check',
    description:
      'Checks the template parameters against the finops.scaffolder policy; fails the task with the violated rules and their remediation.',
    examples: [
      {
        description: 'Check the form values before anything is created',
        example: EXAMPLE,
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        parameters: z =>
          z
            .record(z.any())
            .describe(
              'The template form values to check, usually ${{ parameters }}',
            ),
        template: z =>
          z
            .string()
            .optional()
            .describe("The template's name; defaults to the running template"),
      },
      output: {
        allowed: z =>
          z.boolean().describe('True: the policy found no violation'),
        revision: z =>
          z.string().describe('Content hash of the policy that decided'),
        violations: z =>
          z
            .array(
              z.object({
                rule: z.string(),
                severity: z.string(),
                message: z.string(),
                remediation: z.string(),
              }),
            )
            .describe('Empty when allowed; a refusal fails the task instead'),
      },
    },
    async handler(ctx) {
      const input = {
        template:
          ctx.input.template ?? templateName(ctx.templateInfo?.entityRef),
        parameters: ctx.input.parameters,
        user: requesterOf(ctx.user),
        approved_pci_systems: approvedPciSystems,
        // The component a template creates does not exist yet, so no
        // exception (granted per rule and entity) can cover it.
        exceptions: [],
      };

      let decision: PolicyDecision;
      try {
        decision = await policy.decide('scaffolder', input, {
          credentials: await ctx.getInitiatorCredentials(),
        });
      } catch (error) {
        // No `cause`: @backstage/errors would repeat its message.
        throw new ServiceUnavailableError(
          `policy check could not run: ${(error as Error)?.message ?? error}`,
        );
      }

      if (!decision.allow) {
        for (const violation of decision.violations) {
          ctx.logger.warn(describe(violation));
        }
        throw new InputError(refusal(decision));
      }

      ctx.logger.info(`policy check passed (revision ${decision.revision})`);
      ctx.output('allowed', true);
      ctx.output('revision', decision.revision);
      ctx.output('violations', []);
    },
  });
}

function templateName(entityRef?: string): string | null {
  if (!entityRef) return null;
  try {
    return parseEntityRef(entityRef).name;
  } catch {
    return entityRef;
  }
}

function describe(violation: PolicyViolation): string {
  const { rule, severity, message, remediation } = violation;
  return `${rule} [${severity}] ${message} — ${remediation}`;
}

function refusal(decision: PolicyDecision): string {
  const { violations, revision } = decision;
  if (violations.length === 0) {
    return `policy check refused the request without naming a rule (revision ${revision})`;
  }
  return [
    `policy check failed (revision ${revision}); fix these and run the template again:`,
    ...violations.map(violation => `- ${describe(violation)}`),
  ].join('\n');
}
