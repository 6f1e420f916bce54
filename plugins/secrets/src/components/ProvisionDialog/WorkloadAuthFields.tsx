import type { WorkloadAuthMethodEnum } from '@finops/plugin-secrets-common';
import { Flex, Radio, RadioGroup, TextField } from '@backstage/ui';
import type { ProvisionDraft } from './provisionForm';
import type { ProblemOf } from './SecretDraftFields';

/**
 * How the workload logs in to Vault to read its secrets: an AppRole, or a
 * Kubernetes auth role bound to service accounts in namespaces. The
 * pipeline always gets an AppRole of its own.
 */
export function WorkloadAuthFields(props: {
  draft: ProvisionDraft;
  problemOf: ProblemOf;
  onChange: (change: Partial<ProvisionDraft>) => void;
}) {
  const { draft, problemOf, onChange } = props;
  return (
    <Flex direction="column" gap="3">
      <RadioGroup
        label="Workload login"
        description="The workload reads its secrets with this role; the pipeline gets an AppRole that writes them."
        orientation="horizontal"
        value={draft.authMethod}
        onChange={value =>
          onChange({ authMethod: value as WorkloadAuthMethodEnum })
        }
      >
        <Radio value="approle">AppRole</Radio>
        <Radio value="kubernetes">Kubernetes</Radio>
      </RadioGroup>
      {draft.authMethod === 'kubernetes' && (
        <Flex gap="3">
          <TextField
            label="Service accounts"
            description="Separated by commas"
            size="small"
            value={draft.serviceAccounts}
            onChange={serviceAccounts => onChange({ serviceAccounts })}
            validationBehavior="aria"
            validate={() => problemOf('serviceAccounts')}
            style={{ flex: 1 }}
          />
          <TextField
            label="Namespaces"
            description="Separated by commas"
            size="small"
            value={draft.namespaces}
            onChange={namespaces => onChange({ namespaces })}
            validationBehavior="aria"
            validate={() => problemOf('namespaces')}
            style={{ flex: 1 }}
          />
        </Flex>
      )}
    </Flex>
  );
}
