import { EmptyState } from '@backstage/core-components';
import { Flex, Link, Text } from '@backstage/ui';

/** The portal's own TechDocs page on secrets (docs/secrets.md). */
export const SECRETS_DOCS_PATH =
  '/docs/default/component/finops-platform/secrets/';

/**
 * The tab when the backend has no Vault to talk to: what to configure, in
 * the backend's words, and where it is documented. Not an error: the rest
 * of the portal works without Vault.
 */
export function SecretsNotConfigured(props: { help: string | null }) {
  return (
    <EmptyState
      missing="field"
      title="Vault is not configured"
      description={
        props.help ??
        'Configure secrets.vault.instances in the app-config: a name, the baseUrl of Vault or OpenBao, and how the portal logs in.'
      }
      action={
        <Flex direction="column" gap="2">
          <Text>
            Until <code>secrets.vault.instances</code> is set in the app-config,
            this tab can show no secrets and nothing can be provisioned; the
            rest of the portal works as usual.
          </Text>
          <Link href={SECRETS_DOCS_PATH}>
            How to configure Vault: Secrets in Vault
          </Link>
        </Flex>
      }
    />
  );
}
