import type { WorkflowRun } from '@finops/plugin-pipelines-common';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
} from '@backstage/ui';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ActionErrorAlert, ConfirmDialogFooter } from '@finops/ui';
import { pipelinesApiRef } from '../../api';
import { shortSha } from '../../format';

function RerunForm(props: { run: WorkflowRun; onClose: () => void }) {
  const { run, onClose } = props;
  const api = useApi(pipelinesApiRef);
  const [rerun, send] = useAsyncFn(() => api.rerunRun(run.id), [api, run.id]);

  if (rerun.value) {
    return (
      <>
        <DialogBody>
          <Alert
            status="success"
            icon
            title="GitHub accepted the re-run"
            description={`The failed jobs run again as attempt ${
              run.runAttempt + 1
            }; it shows here as GitHub reports it.`}
          />
        </DialogBody>
        <DialogFooter>
          <Button onPress={onClose}>Done</Button>
        </DialogFooter>
      </>
    );
  }

  return (
    <>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Text>
            GitHub runs the jobs of this run that failed or were cancelled
            again, with the jobs they depend on, on commit{' '}
            <code>{shortSha(run.headSha)}</code>. Jobs that succeeded keep their
            results.
          </Text>
          {rerun.error && (
            <ActionErrorAlert
              error={rerun.error}
              action="re-run the failed jobs"
            />
          )}
        </Flex>
      </DialogBody>
      <ConfirmDialogFooter
        isPending={rerun.loading}
        onConfirm={send}
        onCancel={onClose}
      >
        Re-run failed jobs
      </ConfirmDialogFooter>
    </>
  );
}

/** Confirms re-running a failed run's failed jobs. Open while `run` is set. */
export function RerunDialog(props: { run?: WorkflowRun; onClose: () => void }) {
  const { run, onClose } = props;
  return (
    <Dialog
      isOpen={Boolean(run)}
      onOpenChange={open => !open && onClose()}
      width={520}
    >
      {run && (
        <>
          <DialogHeader>{`Re-run failed jobs of ${run.workflowName} #${run.runNumber}`}</DialogHeader>
          <RerunForm key={run.id} run={run} onClose={onClose} />
        </>
      )}
    </Dialog>
  );
}
