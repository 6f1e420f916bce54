import { Entity } from '@backstage/catalog-model';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import {
  ProvisionInput,
  SecretChange,
  SecretOutcome,
  SecretsApiClient,
} from '@finops/plugin-secrets-common';

/** The action's input, as its schema admits it. */
export type ProvisionActionInput = {
  entityRef: string;
  environment: string;
  secrets: Array<{
    name: string;
    keys: Array<{ key: string; value?: string; length?: number }>;
  }>;
  auth: ProvisionInput['auth'];
  catalogInfoPath?: string;
};

/** What the step reports; names only, so it may be kept with the task. */
export type ProvisionSummary = {
  outcome: SecretOutcome['outcome'] | 'skipped';
  changes: Array<Pick<SecretChange, 'kind' | 'name' | 'action'>>;
  violations: Array<{ rule: string; severity: string; message: string }>;
  requestId: string | null;
  revision: string;
};

/**
 * Asks the secrets backend to provision (or, in a dry run, to plan) and
 * reduces its answer to names. Every text the backend wrote passes through
 * `redact` before it can reach a log, an output or an error.
 */
export async function requestProvisioning(
  client: SecretsApiClient,
  input: ProvisionActionInput,
  options: {
    dryRun: boolean;
    token: string;
    redact: (text: string) => string;
    /** The entity the template will register, when the step found it. */
    entity?: Entity;
  },
): Promise<ProvisionSummary> {
  const { dryRun, token, redact, entity } = options;
  const outcome = await provision(
    client,
    { ...requestBody(input, dryRun), ...(entity && { entity }) },
    token,
    redact,
  );
  return summarise(outcome, redact);
}

/** Every value a template supplied, to be kept out of anything shown. */
export function suppliedValues(input: ProvisionActionInput): string[] {
  return input.secrets.flatMap(secret =>
    secret.keys.flatMap(key => (key.value ? [key.value] : [])),
  );
}

/**
 * The spec's ProvisionInput, built field by field so nothing the template
 * added travels along, and never with `wrap`: a wrapping token in a task's
 * output would be readable by everyone who can see the task.
 */
function requestBody(
  input: ProvisionActionInput,
  dryRun: boolean,
): ProvisionInput {
  return {
    entityRef: input.entityRef,
    environment: input.environment,
    secrets: input.secrets.map(secret => ({
      name: secret.name,
      keys: secret.keys.map(({ key, value, length }) => ({
        key,
        // An empty Secret field renders as ''; the platform generates then.
        ...(value ? { value } : {}),
        ...(length !== undefined ? { length } : {}),
      })),
    })),
    auth: {
      method: input.auth.method,
      ...(input.auth.serviceAccounts && {
        serviceAccounts: input.auth.serviceAccounts,
      }),
      ...(input.auth.namespaces && { namespaces: input.auth.namespaces }),
    },
    dryRun,
  };
}

async function provision(
  client: SecretsApiClient,
  body: ProvisionInput,
  token: string,
  redact: (text: string) => string,
): Promise<SecretOutcome> {
  let response;
  try {
    response = await client.provision({ body }, { token });
  } catch (error) {
    throw new ServiceUnavailableError(
      redact(`the secrets backend did not answer: ${(error as Error).message}`),
    );
  }
  if (!response.ok) {
    // The backend's own error, but rebuilt: its cause and body would carry
    // the unredacted text along.
    const { cause } = await ResponseError.fromResponse(response as Response);
    const error = new Error(redact(cause.message));
    error.name = redact(cause.name);
    throw error;
  }
  try {
    return await response.json();
  } catch (error) {
    // A parse error quotes the text it could not read.
    throw new ServiceUnavailableError(
      redact(
        `the secrets backend answered nonsense: ${(error as Error).message}`,
      ),
    );
  }
}

function summarise(
  outcome: SecretOutcome,
  redact: (text: string) => string,
): ProvisionSummary {
  return {
    outcome: outcome.outcome,
    changes: outcome.changes.map(({ kind, name, action }) => ({
      kind,
      name: redact(name),
      action,
    })),
    violations: outcome.violations.map(({ rule, severity, message }) => ({
      rule,
      severity,
      message: redact(message),
    })),
    requestId: outcome.request?.id ?? null,
    revision: outcome.revision,
  };
}
