/*
 * The secrets backend answers 503 when Vault is sealed or does not answer.
 * Provisioning and rotation fail closed, so nothing was written: worth
 * saying, since a half-done change to a secret is what people fear.
 */

/** Said after the server's words when an action met an unavailable Vault. */
export const VAULT_UNCHANGED =
  'Nothing was changed in Vault: try again in a moment.';
