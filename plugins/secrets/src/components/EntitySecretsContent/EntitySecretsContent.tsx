import { useCallback, useState } from 'react';
import type {
  EntitySecrets,
  SecretOutcome,
} from '@finops/plugin-secrets-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import {
  useEntitySecrets,
  useSecretRequests,
  useSecretsPermissions,
} from '../../hooks';
import { disabledReason } from '../../permissionText';
import { ErrorNotice } from '../ErrorNotice';
import { GatedButton } from '../GatedButton';
import { OutcomeDialog, type SecretsResult } from '../OutcomeDialog';
import { ProvisionDialog } from '../ProvisionDialog';
import { RotateDialog, type Rotation } from '../RotateDialog';
import { SecretBindingsTable } from '../SecretBindingsTable';
import { SecretRequests } from '../SecretRequests';
import { SecretsNotConfigured } from '../SecretsNotConfigured';
import { SecretsOverview } from '../SecretsOverview';

/** Used where the backend names no environment to provision for. */
const DEFAULT_ENVIRONMENTS = ['development', 'staging', 'production'];

function hasAnySecret(secrets: EntitySecrets): boolean {
  return secrets.paths.some(p => p.secrets.length > 0 || p.problem);
}

function VaultFacts(props: { secrets: EntitySecrets }) {
  const { instance, basePath, kvMount, uiUrl } = props.secrets;
  return (
    <Text variant="body-small" color="secondary">
      Vault {instance ?? 'default'}
      {kvMount && basePath && (
        <>
          , provisioning under{' '}
          <code>
            {kvMount}/{basePath}
          </code>
        </>
      )}
      {uiUrl && (
        <>
          {' · '}
          <Link href={uiUrl} target="_blank" rel="noreferrer">
            Open the Vault UI
          </Link>
        </>
      )}
    </Text>
  );
}

/**
 * The entity's Secrets tab: what it has in Vault (metadata only, never a
 * value), how overdue each secret is for rotation, the policies and roles
 * that reach them, and the requests waiting for another owner. Owners
 * request secrets, rotate generated ones and review each other's requests
 * from here; who may not sees the buttons disabled, with the reason.
 */
export function EntitySecretsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const secrets = useEntitySecrets(entityRef);
  const requests = useSecretRequests(entityRef);
  const permissions = useSecretsPermissions(entityRef);
  const [provisioning, setProvisioning] = useState(false);
  const [rotation, setRotation] = useState<Rotation>();
  const [result, setResult] = useState<SecretsResult>();
  const uiUrl = secrets.value?.uiUrl ?? null;
  const { retry: retrySecrets } = secrets;
  const { retry: retryRequests } = requests;
  const refresh = useCallback(() => {
    retrySecrets();
    retryRequests();
  }, [retrySecrets, retryRequests]);

  const provisioned = useCallback(
    (outcome: SecretOutcome) => {
      setProvisioning(false);
      setResult({ operation: 'provision', outcome, uiUrl });
      refresh();
    },
    [refresh, uiUrl],
  );
  const rotated = useCallback(
    (outcome: SecretOutcome) => {
      setRotation(undefined);
      setResult({ operation: 'rotate', outcome, uiUrl });
      refresh();
    },
    [refresh, uiUrl],
  );

  // Outside the states below, so that a failed refresh cannot take a
  // response-wrapping token off the screen before it was copied.
  const outcomeDialog = (
    <OutcomeDialog result={result} onClose={() => setResult(undefined)} />
  );
  const data = secrets.value;
  if (!data || !data.configured) {
    let state = null;
    if (data) {
      state = <SecretsNotConfigured help={data.help} />;
    } else if (secrets.loading) {
      state = <Progress />;
    } else if (secrets.error) {
      state = (
        <ErrorNotice
          title="Could not load secrets"
          error={secrets.error}
          onRetry={retrySecrets}
        />
      );
    }
    return (
      <>
        {state}
        {outcomeDialog}
      </>
    );
  }

  const hasSecrets = hasAnySecret(data);
  const provisionReason = disabledReason(permissions, 'provision');
  const requestButton = (
    <GatedButton
      disabledReason={provisionReason}
      onPress={() => setProvisioning(true)}
    >
      Request secrets
    </GatedButton>
  );

  return (
    <Flex direction="column" gap="6">
      <Flex justify="between" align="start" gap="4">
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-small">
            Secrets
          </Text>
          <VaultFacts secrets={data} />
        </Flex>
        {/* Without secrets, the empty state below offers it instead. */}
        {hasSecrets && requestButton}
      </Flex>
      {hasSecrets ? (
        <SecretsOverview
          secrets={data}
          rotateDisabledReason={disabledReason(permissions, 'rotate')}
          onRotate={setRotation}
        />
      ) : (
        <EmptyState
          missing="data"
          title="No secrets yet"
          description={`Nothing is stored under ${data.paths
            .map(p => p.path)
            .join(
              ', ',
            )} in Vault. Request secrets: the platform creates them with a policy and a login role per environment, and nobody sees a generated value.`}
          action={requestButton}
        />
      )}
      <section aria-label="Vault policies and roles">
        <Flex direction="column" gap="3">
          <Text as="h2" variant="title-small">
            Vault policies and roles
          </Text>
          <SecretBindingsTable bindings={data.bindings} />
        </Flex>
      </section>
      <SecretRequests
        requests={requests}
        reviewDisabledReason={disabledReason(permissions, 'approve')}
        onReviewed={refresh}
      />
      <ProvisionDialog
        isOpen={provisioning}
        entityRef={entityRef}
        environments={
          data.environments.length > 0
            ? data.environments
            : DEFAULT_ENVIRONMENTS
        }
        basePath={data.basePath}
        onClose={() => setProvisioning(false)}
        onProvisioned={provisioned}
      />
      <RotateDialog
        entityRef={entityRef}
        rotation={rotation}
        onClose={() => setRotation(undefined)}
        onRotated={rotated}
      />
      {outcomeDialog}
    </Flex>
  );
}
