import type { EntitySecrets } from '@finops/plugin-secrets-common';
import { Alert, Flex, Text } from '@backstage/ui';
import { toneColor } from '@finops/ui';
import { plural } from '../../format';
import type { Rotation } from '../RotateDialog';
import { SecretPathTable } from '../SecretPathTable';

/** "2 of 5 secrets overdue for rotation", coloured when any is. */
function OverdueSummary(props: { secrets: EntitySecrets }) {
  const all = props.secrets.paths.flatMap(p => p.secrets);
  const overdue = all.filter(s => s.overdue).length;
  return (
    <Text
      role="status"
      aria-label="Rotation summary"
      weight="bold"
      style={overdue > 0 ? { color: toneColor.danger } : undefined}
    >
      {overdue} of {plural(all.length, 'secret')} overdue for rotation
      <Text as="span" variant="body-small" color="secondary" weight="regular">
        {' '}
        (rotate at least every {props.secrets.maxAgeDays} days)
      </Text>
    </Text>
  );
}

/**
 * The entity's secrets, path by path, with how many are overdue for
 * rotation above them. A path Vault would not list says why in place,
 * the others still show.
 */
export function SecretsOverview(props: {
  secrets: EntitySecrets;
  rotateDisabledReason?: string;
  onRotate: (rotation: Rotation) => void;
}) {
  const { secrets, rotateDisabledReason, onRotate } = props;
  return (
    <Flex direction="column" gap="4">
      <OverdueSummary secrets={secrets} />
      {secrets.paths.map(path => (
        <section key={path.path} aria-label={`Secrets under ${path.path}`}>
          <Flex direction="column" gap="2">
            <Text as="h3" variant="title-x-small">
              <code>{path.path}</code>
              {path.path === secrets.basePath && (
                <Text as="span" variant="body-small" color="secondary">
                  {' '}
                  (where the platform provisions)
                </Text>
              )}
            </Text>
            {path.problem ? (
              <Alert
                status="warning"
                icon
                title={`Could not read ${path.path}`}
                description={path.problem}
              />
            ) : (
              <SecretPathTable
                secrets={path.secrets}
                basePath={secrets.basePath}
                maxAgeDays={secrets.maxAgeDays}
                rotateDisabledReason={rotateDisabledReason}
                onRotate={onRotate}
              />
            )}
          </Flex>
        </section>
      ))}
    </Flex>
  );
}
