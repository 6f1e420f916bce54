import type { SecretOutcome } from '@finops/plugin-secrets-common';
import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
} from '@backstage/ui';
import {
  SecretOutcomeSummary,
  type SecretsOperation,
} from '../SecretOutcomeSummary';
import { WrappedValuesNotice } from '../WrappedValuesNotice';

/** A provisioning or rotation that went through, and what it was. */
export interface SecretsResult {
  operation: SecretsOperation;
  outcome: SecretOutcome;
  /** The Vault UI, to unwrap the token there. */
  uiUrl: string | null;
}

function title(result: SecretsResult): string {
  if (result.outcome.wrapped) {
    return 'Generated values: shown once';
  }
  if (result.outcome.outcome === 'approval-required') {
    return 'Waiting for approval';
  }
  return result.operation === 'rotate'
    ? 'Secret rotated'
    : 'Secrets provisioned';
}

/**
 * What a provisioning or rotation did, with the response-wrapping token
 * when generated values were asked for. The result lives only in the
 * caller's state: closing forgets it, token included. Open while `result`
 * is set.
 */
export function OutcomeDialog(props: {
  result?: SecretsResult;
  onClose: () => void;
}) {
  const { result, onClose } = props;
  return (
    <Dialog
      isOpen={Boolean(result)}
      onOpenChange={open => !open && onClose()}
      width={680}
    >
      {result && (
        <>
          <DialogHeader>{title(result)}</DialogHeader>
          <DialogBody>
            <Flex direction="column" gap="4">
              {result.outcome.wrapped && (
                <WrappedValuesNotice
                  wrapped={result.outcome.wrapped}
                  uiUrl={result.uiUrl}
                />
              )}
              <SecretOutcomeSummary
                outcome={result.outcome}
                operation={result.operation}
              />
            </Flex>
          </DialogBody>
          <DialogFooter>
            <Button onPress={onClose}>Done</Button>
          </DialogFooter>
        </>
      )}
    </Dialog>
  );
}
