import { Alert, Text } from '@backstage/ui';

/**
 * The entity's malformed health annotations, each in the backend's words
 * (which name the annotation and show a valid value). A warning rather
 * than an error: the well-formed declarations still count, and the tab
 * shows what they give.
 */
export function DeclarationErrors(props: { errors: string[] }) {
  const errors = [...new Set(props.errors)];
  if (errors.length === 0) {
    return null;
  }
  return (
    <section aria-label="Malformed annotations">
      <Alert
        status="warning"
        icon
        title={
          errors.length === 1
            ? 'A health annotation of this entity is malformed'
            : `${errors.length} health annotations of this entity are malformed`
        }
        description={
          <>
            <ul style={{ margin: 0, paddingLeft: 'var(--bui-space-5)' }}>
              {errors.map(error => (
                <li key={error}>{error}</li>
              ))}
            </ul>
            <Text as="p" variant="body-small">
              Fix them in the entity&apos;s catalog-info.yaml; until then the
              tab shows what the well-formed annotations declare.
            </Text>
          </>
        }
      />
    </section>
  );
}
