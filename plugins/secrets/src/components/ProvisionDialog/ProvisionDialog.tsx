import { useState } from 'react';
import type {
  ProvisionInput,
  SecretOutcome,
} from '@finops/plugin-secrets-common';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
  TextField,
} from '@backstage/ui';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ActionErrorAlert } from '@finops/ui';
import { secretsApiRef } from '../../api';
import { VAULT_UNCHANGED } from '../../vaultText';
import { SecretOutcomeSummary } from '../SecretOutcomeSummary';
import {
  generatesValues,
  initialDraft,
  newSecret,
  previewKey,
  problemsOf,
  type ProvisionDraft,
  type SecretDraft,
  toProvisionInput,
  withoutValues,
} from './provisionForm';
import { SecretDraftFields } from './SecretDraftFields';
import { WorkloadAuthFields } from './WorkloadAuthFields';

interface Props {
  entityRef: string;
  /** The environments the backend provisions for; the first is the default. */
  environments: string[];
  /** Where provisioning writes, under the KV mount. */
  basePath: string | null;
  onClose: () => void;
  /** Called once the backend applied it or stored it for approval. */
  onProvisioned: (outcome: SecretOutcome) => void;
}

function hasSuppliedValues(draft: ProvisionDraft): boolean {
  return draft.secrets.some(s => s.keys.some(k => k.value !== ''));
}

function ProvisionForm(props: Props) {
  const { entityRef, environments, basePath, onClose, onProvisioned } = props;
  const api = useApi(secretsApiRef);
  const [draft, setDraft] = useState(() =>
    initialDraft(environments[0] ?? 'development'),
  );
  // Which check the fields show: none until the user tries to send.
  const [checking, setChecking] = useState<'preview' | 'provision'>();
  const [valuesCleared, setValuesCleared] = useState(false);

  const [preview, runPreview] = useAsyncFn(
    async (input: ProvisionInput) => ({
      key: JSON.stringify(input),
      outcome: await api.provision(input),
    }),
    [api],
  );
  const [provisioning, runProvision] = useAsyncFn(
    async (input: ProvisionInput) => {
      const outcome = await api.provision(input);
      onProvisioned(outcome);
      return outcome;
    },
    [api, onProvisioned],
  );

  const problems = problemsOf(draft, {
    withValues: checking === 'provision',
  });
  const problemOf = (field: string) =>
    checking ? problems.get(field) : undefined;
  const change = (partial: Partial<ProvisionDraft>) =>
    setDraft(current => ({ ...current, ...partial }));
  const setSecret = (secret: SecretDraft) =>
    change({
      secrets: draft.secrets.map(s => (s.id === secret.id ? secret : s)),
    });

  const previewNow = () => {
    setChecking('preview');
    if (problemsOf(draft, { withValues: false }).size === 0) {
      runPreview(toProvisionInput(entityRef, draft, { dryRun: true }));
    }
  };
  const provisionNow = () => {
    setChecking('provision');
    if (problemsOf(draft, { withValues: true }).size > 0) {
      return;
    }
    const input = toProvisionInput(entityRef, draft, { dryRun: false });
    // Supplied values leave the form with the request: they are not kept
    // for a retry, on screen or in memory.
    setValuesCleared(hasSuppliedValues(draft));
    setDraft(withoutValues);
    setChecking(undefined);
    runProvision(input);
  };

  const shownPreview =
    !preview.loading && preview.value?.key === previewKey(entityRef, draft)
      ? preview.value.outcome
      : undefined;
  const folder = `${basePath ?? '<base path>'}/${
    draft.environment || '<environment>'
  }`;

  return (
    <>
      <DialogBody>
        <Flex direction="column" gap="4">
          <Text variant="body-small">
            Creates the secrets in Vault, a policy that reads only them for the
            workload and one that writes them for the pipeline, and a login role
            for each. Existing secrets keep their values.
          </Text>
          <TextField
            label="Environment"
            size="small"
            description={`Secrets are provisioned for ${environments.join(
              ', ',
            )}.`}
            value={draft.environment}
            onChange={environment => change({ environment })}
            validationBehavior="aria"
            validate={() => problemOf('environment')}
          />
          {draft.secrets.map((secret, index) => (
            <SecretDraftFields
              key={secret.id}
              secret={secret}
              index={index}
              folder={folder}
              problemOf={problemOf}
              onChange={setSecret}
              onRemove={
                draft.secrets.length > 1
                  ? () =>
                      change({
                        secrets: draft.secrets.filter(s => s.id !== secret.id),
                      })
                  : undefined
              }
            />
          ))}
          <div>
            <Button
              size="small"
              variant="secondary"
              onPress={() =>
                change({ secrets: [...draft.secrets, newSecret()] })
              }
            >
              Add secret
            </Button>
          </div>
          <WorkloadAuthFields
            draft={draft}
            problemOf={problemOf}
            onChange={change}
          />
          <Flex direction="column" gap="1">
            <Checkbox
              isSelected={draft.wrap && generatesValues(draft)}
              isDisabled={!generatesValues(draft)}
              onChange={wrap => change({ wrap })}
            >
              Show generated values once
            </Checkbox>
            <Text variant="body-x-small" color="secondary">
              Returns them sealed in a Vault response-wrapping token that you
              unwrap once. Otherwise nobody sees them: the workload reads them
              from Vault.
            </Text>
          </Flex>
          {preview.error && !preview.loading && (
            <ActionErrorAlert
              error={preview.error}
              action="preview this provisioning"
              unavailableNote={VAULT_UNCHANGED}
            />
          )}
          {shownPreview && (
            <section aria-label="Preview">
              <SecretOutcomeSummary
                outcome={shownPreview}
                operation="provision"
              />
            </section>
          )}
          {provisioning.error && !provisioning.loading && (
            <ActionErrorAlert
              error={provisioning.error}
              action="provision these secrets"
              unavailableNote={VAULT_UNCHANGED}
            />
          )}
          {valuesCleared && provisioning.error && !provisioning.loading && (
            <Alert
              status="info"
              title="The values you supplied were cleared when you sent them"
              description="Type them again to retry; the portal keeps no copy."
            />
          )}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        <Button
          variant="secondary"
          isPending={preview.loading}
          isDisabled={provisioning.loading}
          onPress={previewNow}
        >
          Preview (dry run)
        </Button>
        <Button
          isPending={provisioning.loading}
          isDisabled={preview.loading}
          onPress={provisionNow}
        >
          Provision
        </Button>
      </DialogFooter>
    </>
  );
}

/**
 * Requests secrets for one environment of the entity: names and keys (each
 * generated, or supplied in a password field and sent once), the workload's
 * login, and whether to see the generated values once. A preview (dry run)
 * shows what would change, sending no value. Supplied values are cleared
 * from the form as soon as they are sent. Open while `isOpen`.
 */
export function ProvisionDialog(props: Props & { isOpen: boolean }) {
  const { isOpen, onClose } = props;
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={open => !open && onClose()}
      width={760}
    >
      {isOpen && (
        <>
          <DialogHeader>Request secrets</DialogHeader>
          <ProvisionForm {...props} />
        </>
      )}
    </Dialog>
  );
}
