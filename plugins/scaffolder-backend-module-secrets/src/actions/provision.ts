import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ResponseError } from '@backstage/errors';
import { SecretsApiClient } from '@finops/plugin-secrets-common';
import {
  ProvisionActionInput,
  ProvisionSummary,
  requestProvisioning,
  suppliedValues,
} from './provisionRequest';
import { readCatalogEntity } from './catalogInfo';
import { redactorFor } from './redaction';

/** The outcome of a portal without Vault that goes on without one. */
const SKIPPED: ProvisionSummary = {
  outcome: 'skipped',
  changes: [],
  violations: [],
  requestId: null,
  revision: '',
};

/** Whether the secrets backend has any Vault; throws when it cannot say. */
async function vaultConfigured(
  client: SecretsApiClient,
  token: string,
): Promise<boolean> {
  const response = await client.getStatus({}, { token });
  if (!response.ok) throw await ResponseError.fromResponse(response);
  return (await response.json()).configured;
}

/** The plugin that provisions, and that the request token is issued for. */
const SECRETS_PLUGIN_ID = 'secrets';

const EXAMPLE = [
  'steps:',
  '  - id: secrets',
  '    name: Provision the production secrets',
  '    action: finops:secrets:provision',
  '    input:',
  '      entityRef: component:default/${{ parameters.name }}',
  '      environment: production',
  '      secrets:',
  '        - name: database',
  '          keys:',
  '            - key: username',
  '              value: ${{ secrets.databaseUser }}',
  '            - key: password',
  '              length: 48',
  '        - name: payment-gateway',
  '          keys:',
  '            - key: api-key',
  '              value: ${{ secrets.gatewayApiKey }}',
  '      auth:',
  '        method: kubernetes',
  '        serviceAccounts: [${{ parameters.name }}]',
  '        namespaces: [${{ parameters.name }}]',
].join('\n');

/**
 * `finops:secrets:provision`: creates a new service's Vault secrets for one
 * environment, the read and write policies limited to them and the
 * workload's and pipeline's auth roles, through the secrets backend's
 * `POST /provision`.
 *
 * The call is made with a token issued on behalf of the user who started
 * the task, so the backend checks that user's own permission and the
 * `finops.secrets` policy sees who asked (and who may not approve). Values
 * typed into the template form are sent once and never come back: the
 * action never asks for a wrapping token, logs and outputs names only, and
 * removes every supplied value from an error message before the task log
 * can show it.
 */
export function createSecretsProvisionAction(options: {
  auth: AuthService;
  discovery: DiscoveryService;
  /**
   * `skip`: where the portal has no Vault at all (the local portal), the
   * step logs that nothing was provisioned and succeeds with outcome
   * `skipped`. `fail` (the default, production): it fails.
   */
  whenVaultNotConfigured?: 'fail' | 'skip';
}) {
  const { auth } = options;
  const skipWithoutVault = options.whenVaultNotConfigured === 'skip';
  const client = new SecretsApiClient({ discoveryApi: options.discovery });

  return createTemplateAction({
    id: 'finops:secrets:provision',
    description:
      "Provisions a service's Vault secrets, policies and auth roles for one environment through the secrets backend, as the user who runs the template. Supplied values (keys[].value) are secret: never logged, output or returned.",
    examples: [
      {
        description:
          'Provision production secrets: a generated password and an API key typed into a Secret field',
        example: EXAMPLE,
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .min(3)
            .max(400)
            .describe(
              "The service's entity ref, e.g. component:default/${{ parameters.name }}",
            ),
        environment: z =>
          z
            .string()
            .regex(/^[a-z][a-z0-9-]{0,31}$/)
            .describe(
              'The environment, one of secrets.provisioning.environments',
            ),
        secrets: z =>
          z
            .array(
              z
                .object({
                  name: z
                    .string()
                    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/)
                    .describe('The secret, below <basePath>/<environment>/'),
                  keys: z
                    .array(
                      z
                        .object({
                          key: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
                          value: z
                            .string()
                            .max(8192)
                            .optional()
                            .describe(
                              'SECRET. A supplied value, from a `ui:field: Secret` form field: ${{ secrets.<field> }}. Never logged, output or returned. Omit it, or leave the field empty, to have the platform generate the value.',
                            ),
                          length: z
                            .number()
                            .int()
                            .min(16)
                            .max(128)
                            .optional()
                            .describe(
                              'Length of a generated value; default 32',
                            ),
                        })
                        .strict(),
                    )
                    .min(1)
                    .max(32),
                })
                .strict(),
            )
            .min(1)
            .max(16)
            .describe('The secrets to create, each with its keys'),
        catalogInfoPath: z =>
          z
            .string()
            .optional()
            .describe(
              "The workspace's catalog-info file the template rendered (default catalog-info.yaml): the service it declares under entityRef is sent along, so a service the catalog does not know yet can be provisioned before it is registered",
            ),
        auth: z =>
          z
            .object({
              method: z.enum(['approle', 'kubernetes']),
              serviceAccounts: z
                .array(
                  z.string().regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/),
                )
                .max(16)
                .optional(),
              namespaces: z
                .array(z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/))
                .max(16)
                .optional(),
            })
            .strict()
            .describe(
              'How the workload logs in to read its secrets: an AppRole, or a Kubernetes role bound to service accounts in namespaces',
            ),
      },
      output: {
        outcome: z =>
          z
            .enum(['applied', 'planned', 'approval-required', 'skipped'])
            .describe(
              'applied: done; planned: a dry run, nothing changed; approval-required: waits for another owner; skipped: this portal has no Vault and is configured to go on without one',
            ),
        changes: z =>
          z
            .array(
              z.object({
                kind: z.enum(['secret', 'policy', 'approle', 'kubernetes']),
                name: z.string(),
                action: z.enum(['create', 'update', 'unchanged', 'rotate']),
              }),
            )
            .describe('What changed, or would change, in Vault'),
        requestId: z =>
          z
            .string()
            .optional()
            .describe('The pending request, when approval is required'),
      },
    },
    async handler(ctx) {
      const input: ProvisionActionInput = ctx.input;
      const redact = redactorFor(suppliedValues(input));
      const { entityRef, environment } = input;

      // Recorded by the scaffolder once it succeeded: a task resumed after a
      // crash must not park a second request for the same approval.
      const summary = await ctx.checkpoint<ProvisionSummary>({
        key: `provision.${entityRef}.${environment}`,
        fn: async () => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await ctx.getInitiatorCredentials(),
            targetPluginId: SECRETS_PLUGIN_ID,
          });
          if (skipWithoutVault && !(await vaultConfigured(client, token))) {
            return SKIPPED;
          }
          return requestProvisioning(client, input, {
            dryRun: ctx.isDryRun === true,
            token,
            redact,
            entity: await readCatalogEntity(
              ctx.workspacePath,
              input.catalogInfoPath ?? 'catalog-info.yaml',
              entityRef,
            ),
          });
        },
      });

      for (const change of summary.changes) {
        ctx.logger.info(`${change.kind} ${change.name}: ${change.action}`);
      }
      for (const violation of summary.violations) {
        ctx.logger.warn(
          `${violation.rule} [${violation.severity}] ${violation.message}`,
        );
      }
      const subject = redact(`${entityRef} in ${environment}`);
      if (summary.outcome === 'skipped') {
        ctx.logger.warn(
          `Vault is not configured in this portal (secrets.vault), so no secrets were provisioned for ${subject}; once Vault is configured, provision them from the entity's Secrets tab`,
        );
      } else if (summary.outcome === 'approval-required') {
        ctx.logger.warn(
          `provisioning ${subject} waits for another owner's approval in the portal (request ${summary.requestId}); nothing changes in Vault until an owner approves it on the entity's Secrets tab`,
        );
      } else if (summary.outcome === 'planned') {
        ctx.logger.info(
          `dry run: provisioning ${subject} would make the changes above; nothing changed`,
        );
      } else {
        ctx.logger.info(
          `provisioning ${subject}: ${summary.outcome} (policy revision ${summary.revision})`,
        );
      }

      ctx.output('outcome', summary.outcome);
      ctx.output('changes', summary.changes);
      if (summary.requestId) ctx.output('requestId', summary.requestId);
    },
  });
}
