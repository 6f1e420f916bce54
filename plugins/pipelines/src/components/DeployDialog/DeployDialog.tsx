import { useState } from 'react';
import type { DeployRequest } from '@finops/plugin-pipelines-common';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Select,
  Text,
} from '@backstage/ui';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ActionErrorAlert, ConfirmDialogFooter } from '@finops/ui';
import { pipelinesApiRef } from '../../api';
import type { DeployPlan } from '../../deployActions';
import { DeployCheckSummary } from '../DeployCheckSummary';
import { DeployRequestOutcome } from '../DeployRequestOutcome';

interface Props {
  entityRef: string;
  onClose: () => void;
  onRequested: (request: DeployRequest) => void;
}

function title(plan: DeployPlan): string {
  return plan.action === 'promote'
    ? `Promote ${plan.version} to ${plan.environment}`
    : `Roll back ${plan.environment}`;
}

function Requested(props: { request: DeployRequest; onClose: () => void }) {
  return (
    <>
      <DialogBody>
        <DeployRequestOutcome request={props.request} />
      </DialogBody>
      <DialogFooter>
        <Button onPress={props.onClose}>Done</Button>
      </DialogFooter>
    </>
  );
}

function DeployForm(props: Props & { plan: DeployPlan }) {
  const { entityRef, plan, onClose, onRequested } = props;
  const api = useApi(pipelinesApiRef);
  const [version, setVersion] = useState(
    plan.action === 'promote' ? plan.version : plan.versions[0],
  );
  const { action, environment } = plan;

  // Asked again whenever the version changes: the policy judges each one.
  const check = useAsyncRetry(
    () => api.checkDeploy({ entityRef, action, environment, version }),
    [api, entityRef, action, environment, version],
  );

  const [request, send] = useAsyncFn(async () => {
    const created = await api.requestDeploy({
      entityRef,
      action,
      environment,
      version,
    });
    onRequested(created);
    return created;
  }, [api, entityRef, action, environment, version, onRequested]);

  if (request.value) {
    return <Requested request={request.value} onClose={onClose} />;
  }

  const decision = check.loading ? undefined : check.value;
  const canConfirm =
    decision !== undefined &&
    decision.outcome !== 'refused' &&
    decision.target !== null;
  const verb = action === 'promote' ? 'Promote' : 'Roll back';

  return (
    <>
      <DialogBody>
        <Flex direction="column" gap="4">
          {plan.action === 'promote' ? (
            <Text>
              {plan.version} runs in {plan.from}. This deploys it to{' '}
              {plan.environment}.
            </Text>
          ) : (
            <Select
              label="Version to roll back to"
              description={`${plan.environment} runs ${plan.current} now. Only versions that succeeded there are offered.`}
              options={plan.versions.map(v => ({ id: v, label: v }))}
              value={version}
              onChange={key => key && setVersion(String(key))}
            />
          )}
          <section aria-label="Policy check">
            <Flex direction="column" gap="2">
              <Text as="h3" variant="title-x-small">
                What the deploy policy says
              </Text>
              {check.loading && <Progress />}
              {check.error && !check.loading && (
                <ActionErrorAlert
                  error={check.error}
                  action="check this deploy"
                  onRetry={check.retry}
                />
              )}
              {decision && <DeployCheckSummary check={decision} />}
            </Flex>
          </section>
          {request.error && (
            <ActionErrorAlert
              error={request.error}
              action={verb.toLocaleLowerCase('en-US')}
            />
          )}
        </Flex>
      </DialogBody>
      <ConfirmDialogFooter
        isDisabled={!canConfirm}
        isPending={request.loading}
        onConfirm={send}
        onCancel={onClose}
      >
        {decision?.outcome === 'approval-required' ? 'Request approval' : verb}
      </ConfirmDialogFooter>
    </>
  );
}

/**
 * Confirms a promotion or a roll-back. The deploy policy is asked first
 * and its answer shown (runs now, needs someone else's approval, or
 * refused with the rules and how to meet them) before anything can be
 * confirmed. Open while `plan` is set.
 */
export function DeployDialog(props: Props & { plan?: DeployPlan }) {
  const { plan, onClose } = props;
  return (
    <Dialog
      isOpen={Boolean(plan)}
      onOpenChange={open => !open && onClose()}
      width={600}
    >
      {plan && (
        <>
          <DialogHeader>{title(plan)}</DialogHeader>
          <DeployForm
            key={`${plan.action}:${plan.environment}`}
            {...props}
            plan={plan}
          />
        </>
      )}
    </Dialog>
  );
}
