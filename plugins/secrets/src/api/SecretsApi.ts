import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  EntitySecrets,
  ProvisionInput,
  RotateInput,
  SecretOutcome,
  SecretRequest,
} from '@finops/plugin-secrets-common';

/**
 * What the Secrets tab needs from the secrets backend. Nothing here carries
 * a secret value back: metadata only, and generated values at most inside
 * a Vault response-wrapping token. Every method throws a `ResponseError`
 * carrying the server's message when the backend refuses.
 */
export interface SecretsApi {
  /** The entity's secrets metadata, bindings and Vault links. */
  getEntitySecrets(entityRef: string): Promise<EntitySecrets>;
  /** Provisions (or, with `dryRun`, plans) secrets, policies and roles. */
  provision(input: ProvisionInput): Promise<SecretOutcome>;
  /** Writes new values for a platform-generated secret's generated keys. */
  rotate(input: RotateInput): Promise<SecretOutcome>;
  /** The entity's provisioning and rotation requests, newest first. */
  listRequests(entityRef: string): Promise<SecretRequest[]>;
  /** Approves a pending request as the caller, which applies it. */
  approveRequest(requestId: string, comment?: string): Promise<SecretRequest>;
  rejectRequest(requestId: string, comment?: string): Promise<SecretRequest>;
}

export const secretsApiRef = createApiRef<SecretsApi>().with({
  id: 'plugin.secrets.api',
  pluginId: 'secrets',
});
