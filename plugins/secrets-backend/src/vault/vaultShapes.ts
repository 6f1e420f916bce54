import { ServiceUnavailableError } from '@backstage/errors';
import { z } from 'zod';

/*
 * Vault's answers as its API documentation describes them, checked before
 * use. zod drops what is not listed, so nothing else Vault sends (such as
 * lookup-self's `id`, the token itself) is kept. A shape error names the
 * field, never the value.
 */

const seconds = z.number().int().nonnegative();
const stringList = z
  .array(z.string())
  .nullish()
  .transform(list => list ?? []);

export const authAnswer = z.object({
  auth: z.object({
    client_token: z.string().min(1),
    lease_duration: seconds,
    renewable: z.boolean(),
  }),
});

export const lookupSelfAnswer = z.object({
  data: z.object({
    ttl: seconds,
    creation_ttl: seconds.optional(),
    renewable: z.boolean().optional(),
  }),
});

export const healthAnswer = z.object({
  initialized: z.boolean(),
  sealed: z.boolean(),
  standby: z.boolean(),
  performance_standby: z.boolean().optional(),
  version: z.string().optional(),
});

const versionMetadata = z.object({
  created_time: z.string(),
  deletion_time: z.string(),
  destroyed: z.boolean(),
});

export const kvMetadataAnswer = z.object({
  data: z.object({
    cas_required: z.boolean(),
    created_time: z.string(),
    current_version: seconds,
    oldest_version: seconds,
    updated_time: z.string(),
    max_versions: seconds,
    custom_metadata: z.record(z.string(), z.string()).nullish(),
    versions: z.record(z.string(), versionMetadata),
  }),
});

export const kvListAnswer = z.object({
  data: z.object({ keys: z.array(z.string()) }),
});

export const kvWriteAnswer = z.object({
  data: z.object({ version: seconds, created_time: z.string() }),
});

export const kvReadAnswer = z.object({
  data: z.object({
    data: z.record(z.string(), z.unknown()).nullable(),
    metadata: versionMetadata.extend({ version: seconds }),
  }),
});

export const policyAnswer = z.object({
  data: z.object({ name: z.string(), policy: z.string() }),
});

export const appRoleAnswer = z.object({
  data: z.object({
    token_policies: stringList,
    token_ttl: seconds,
    token_max_ttl: seconds,
    secret_id_ttl: seconds,
    token_bound_cidrs: stringList,
  }),
});

export const roleIdAnswer = z.object({
  data: z.object({ role_id: z.string().min(1) }),
});

export const kubernetesRoleAnswer = z.object({
  data: z.object({
    bound_service_account_names: stringList,
    bound_service_account_namespaces: stringList,
    token_policies: stringList,
    token_ttl: seconds,
  }),
});

export const wrapAnswer = z.object({
  wrap_info: z.object({
    token: z.string().min(1),
    accessor: z.string().optional(),
    ttl: seconds,
    creation_time: z.string(),
  }),
});

/** The answer in the shape, or an error that says which field was not. */
export function parseAnswer<T extends z.ZodType>(
  shape: T,
  body: unknown,
  what: { instance: string; method: string; path: string },
): z.output<T> {
  const parsed = shape.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'the body';
    throw new ServiceUnavailableError(
      `Vault ${what.instance} answered ${what.method} ${what.path} in an unexpected shape (${field})`,
    );
  }
  return parsed.data;
}
