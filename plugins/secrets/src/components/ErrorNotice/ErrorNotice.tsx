import { secretsMetadataReadPermission } from '@finops/plugin-secrets-common';
import { LoadErrorAlert } from '@finops/ui';

const READ_REFUSED = {
  title: 'Secrets are not open to you',
  description: `Seeing an entity's secret metadata needs the ${secretsMetadataReadPermission.name} permission: its owners have it. Ask the platform team if your role should.`,
};

// Vault's state, not the tab's: said as such, with a retry.
const VAULT_UNAVAILABLE = {
  title: 'Vault is unavailable',
  note: 'Secrets can be neither read nor provisioned until it answers; nothing was changed.',
};

/**
 * A failed load, said in the server's words, with a way to try again. Two
 * failures get their own words: a refusal for want of the read permission
 * (trying again would not help), and Vault not answering or sealed (503).
 */
export function ErrorNotice(props: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  return (
    <LoadErrorAlert
      {...props}
      forbidden={READ_REFUSED}
      unavailable={VAULT_UNAVAILABLE}
    />
  );
}
