import { useState } from 'react';
import type { SecretOutcome } from '@finops/plugin-secrets-common';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Checkbox,
  Dialog,
  DialogBody,
  DialogHeader,
  Flex,
  Text,
} from '@backstage/ui';
import { ActionErrorAlert, ConfirmDialogFooter } from '@finops/ui';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { secretsApiRef } from '../../api';
import type { RotationTarget } from '../../rotation';
import { VAULT_UNCHANGED } from '../../vaultText';

/** A secret to rotate, as the tab lists it. */
export interface Rotation extends RotationTarget {
  /** Its path under the KV mount. */
  path: string;
  generatedKeys: string[];
}

interface Props {
  entityRef: string;
  onClose: () => void;
  onRotated: (outcome: SecretOutcome) => void;
}

function RotateForm(props: Props & { rotation: Rotation }) {
  const { entityRef, rotation, onClose, onRotated } = props;
  const api = useApi(secretsApiRef);
  const [wrap, setWrap] = useState(false);
  const { environment, secret } = rotation;
  const [rotating, rotate] = useAsyncFn(async () => {
    const outcome = await api.rotate({
      entityRef,
      environment,
      secret,
      ...(wrap && { wrap: true }),
    });
    onRotated(outcome);
    return outcome;
  }, [api, entityRef, environment, secret, wrap, onRotated]);

  return (
    <>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Text>
            Writes a new version of <code>{rotation.path}</code> in{' '}
            {environment}, with new values for{' '}
            {rotation.generatedKeys.join(', ')}; its other keys keep theirs.
            Older versions stay in Vault as configured.
          </Text>
          <Text variant="body-small" color="secondary">
            Workloads that cache the old values keep working until they read the
            secret again; restart them if they read it only at start-up.
          </Text>
          <Flex direction="column" gap="1">
            <Checkbox isSelected={wrap} onChange={setWrap}>
              Show generated values once
            </Checkbox>
            <Text variant="body-x-small" color="secondary">
              Returns the new values sealed in a Vault response-wrapping token
              that you unwrap once.
            </Text>
          </Flex>
          {rotating.error && !rotating.loading && (
            <ActionErrorAlert
              error={rotating.error}
              action="rotate it"
              unavailableNote={VAULT_UNCHANGED}
            />
          )}
        </Flex>
      </DialogBody>
      <ConfirmDialogFooter
        isPending={rotating.loading}
        onConfirm={rotate}
        onCancel={onClose}
      >
        Rotate
      </ConfirmDialogFooter>
    </>
  );
}

/**
 * Confirms the rotation of a secret the platform generated, in the
 * environment its path names. Open while `rotation` is set.
 */
export function RotateDialog(props: Props & { rotation?: Rotation }) {
  const { rotation, onClose } = props;
  return (
    <Dialog
      isOpen={Boolean(rotation)}
      onOpenChange={open => !open && onClose()}
      width={560}
    >
      {rotation && (
        <>
          <DialogHeader>
            Rotate {rotation.secret} in {rotation.environment}
          </DialogHeader>
          <RotateForm key={rotation.path} {...props} rotation={rotation} />
        </>
      )}
    </Dialog>
  );
}
