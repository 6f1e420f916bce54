import type { WrappedValues } from '@finops/plugin-secrets-common';
import { Button, Flex, Link, Text } from '@backstage/ui';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { formatDateTime } from '../../format';

/** Where the Vault UI unwraps a token (Tools → Unwrap). */
export function unwrapUrl(uiUrl: string): string {
  return `${uiUrl.replace(/\/+$/, '')}/ui/vault/tools/unwrap`;
}

/**
 * The one way to see generated values: a Vault response-wrapping token
 * that `vault unwrap` opens once before it expires. The values stay in
 * Vault; this shows only the token, which lives as long as the dialog
 * that shows it.
 */
export function WrappedValuesNotice(props: {
  wrapped: WrappedValues;
  uiUrl?: string | null;
}) {
  const { wrapped, uiUrl } = props;
  const command = `vault unwrap ${wrapped.token}`;
  const [copied, copy] = useAsyncFn(async () => {
    await window.navigator.clipboard.writeText(command);
    return true;
  }, [command]);
  const minutes = Math.max(1, Math.round(wrapped.ttlSeconds / 60));
  return (
    <section aria-label="Generated values">
      <Flex direction="column" gap="3">
        <Text>
          The generated values are sealed in a Vault response-wrapping token. It
          can be unwrapped <strong>once</strong>, before{' '}
          {formatDateTime(wrapped.expiresAt)} (within {minutes} min); after that
          it is spent. If unwrapping fails, someone else may have unwrapped it
          first: tell the platform team. The values never reached this browser.
        </Text>
        <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }}>
          <code
            aria-label="Unwrap command"
            style={{
              padding: 'var(--bui-space-2)',
              background: 'var(--bui-bg-neutral-2)',
              borderRadius: 'var(--bui-radius-2)',
              wordBreak: 'break-all',
            }}
          >
            {command}
          </code>
          <Button size="small" variant="secondary" onPress={copy}>
            {copied.value ? 'Copied' : 'Copy command'}
          </Button>
        </Flex>
        {copied.error && (
          <Text variant="body-small" color="secondary">
            The browser would not copy it: select the command and copy it by
            hand.
          </Text>
        )}
        {uiUrl && (
          <Text variant="body-small">
            Or paste the token in{' '}
            <Link href={unwrapUrl(uiUrl)} target="_blank" rel="noreferrer">
              Tools → Unwrap in the Vault UI
            </Link>
            .
          </Text>
        )}
        <Text variant="body-small" color="secondary">
          Closing this dialog forgets the token; the portal keeps no copy.
        </Text>
      </Flex>
    </section>
  );
}
