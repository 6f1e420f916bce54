import { useId, useState } from 'react';
import {
  MAX_EXCEPTION_DAYS,
  type PolicyException,
  type PolicyViolation,
} from '@finops/plugin-policy-common';
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
  TextAreaField,
} from '@backstage/ui';
import TextField from '@material-ui/core/TextField';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ConfirmDialogFooter } from '@finops/ui';
import { errorMessage, policyApiRef } from '../../api';
import { formatDate } from '../../format';
import { ExceptionStatusPill } from '../ExceptionStatusPill';
import { SeverityChip } from '../SeverityChip';
import {
  dayAfter,
  DEFAULT_EXCEPTION_DAYS,
  type ExceptionFormValues,
  expiresAtFor,
  MIN_TEXT_LENGTH,
  validateExceptionForm,
} from './exceptionForm';

interface FormProps {
  entityRef: string;
  violation: PolicyViolation;
  onClose: () => void;
  onRequested: (exception: PolicyException) => void;
}

function RequestedException(props: {
  exception: PolicyException;
  onClose: () => void;
}) {
  const { exception, onClose } = props;
  return (
    <>
      <DialogHeader>Exception requested</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Alert
            status="success"
            icon
            title="Waiting for a security approver"
            description="Someone other than you must approve it. Until then the violation stays open."
          />
          <Flex gap="2" align="center">
            <Text weight="bold">{exception.rule}</Text>
            <ExceptionStatusPill status={exception.status} />
          </Flex>
          <Text variant="body-small">
            Expires {formatDate(exception.expiresAt)}
          </Text>
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button onPress={onClose}>Done</Button>
      </DialogFooter>
    </>
  );
}

function RequestExceptionForm(props: FormProps) {
  const { entityRef, violation, onClose, onRequested } = props;
  const api = useApi(policyApiRef);
  const expiryId = useId();
  const [now] = useState(() => new Date());
  const [values, setValues] = useState<ExceptionFormValues>({
    justification: '',
    compensatingControl: '',
    expiresOn: dayAfter(now, DEFAULT_EXCEPTION_DAYS),
  });
  // Errors show once the user tries to send, then follow their typing.
  const [attempted, setAttempted] = useState(false);
  const errors = validateExceptionForm(values, now);
  const shown = attempted ? errors : {};

  const [request, send] = useAsyncFn(async () => {
    const exception = await api.requestException({
      entityRef,
      rule: violation.rule,
      justification: values.justification.trim(),
      compensatingControl: values.compensatingControl.trim(),
      expiresAt: expiresAtFor(values.expiresOn, now).toISOString(),
    });
    onRequested(exception);
    return exception;
  }, [api, entityRef, violation.rule, values, now, onRequested]);

  if (request.value) {
    return <RequestedException exception={request.value} onClose={onClose} />;
  }

  const submit = () => {
    setAttempted(true);
    if (Object.keys(errors).length === 0) {
      send();
    }
  };
  const set = (field: keyof ExceptionFormValues) => (value: string) =>
    setValues(current => ({ ...current, [field]: value }));

  return (
    <>
      <DialogHeader>Request an exception</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Flex gap="2" align="center">
            <SeverityChip severity={violation.severity} />
            <Text weight="bold">{violation.rule}</Text>
          </Flex>
          <Text variant="body-small">{violation.message}</Text>
          <TextAreaField
            label="Justification"
            description={`Why the rule cannot be met for now (at least ${MIN_TEXT_LENGTH} characters).`}
            isRequired
            rows={3}
            value={values.justification}
            onChange={set('justification')}
            validationBehavior="aria"
            validate={() => shown.justification}
          />
          <TextAreaField
            label="Compensating control"
            description={`What limits the risk meanwhile (at least ${MIN_TEXT_LENGTH} characters).`}
            isRequired
            rows={3}
            value={values.compensatingControl}
            onChange={set('compensatingControl')}
            validationBehavior="aria"
            validate={() => shown.compensatingControl}
          />
          {/* Background UI's DatePicker needs @internationalized/date values; a native date input does the job. */}
          <TextField
            id={expiryId}
            type="date"
            label="Expires on"
            variant="outlined"
            size="small"
            required
            value={values.expiresOn}
            onChange={event => set('expiresOn')(event.target.value)}
            error={Boolean(shown.expiresOn)}
            helperText={
              shown.expiresOn ??
              `At most ${MAX_EXCEPTION_DAYS} days from today.`
            }
            InputLabelProps={{ shrink: true }}
            inputProps={{
              min: dayAfter(now, 1),
              max: dayAfter(now, MAX_EXCEPTION_DAYS),
            }}
          />
          {request.error && (
            <Alert
              status="danger"
              icon
              title="The exception was not requested"
              description={errorMessage(request.error)}
            />
          )}
        </Flex>
      </DialogBody>
      <ConfirmDialogFooter
        isPending={request.loading}
        onConfirm={submit}
        onCancel={onClose}
      >
        Request exception
      </ConfirmDialogFooter>
    </>
  );
}

/**
 * Asks for an exception to one rule on one entity: why, what limits the
 * risk meanwhile, and until when (30 days unless changed, 90 at most).
 * Open while `violation` is set.
 */
export function RequestExceptionDialog(
  props: Omit<FormProps, 'violation'> & { violation?: PolicyViolation },
) {
  const { violation, onClose } = props;
  return (
    <Dialog
      isOpen={Boolean(violation)}
      onOpenChange={open => !open && onClose()}
      width={560}
    >
      {violation && (
        <RequestExceptionForm
          key={violation.rule}
          {...props}
          violation={violation}
        />
      )}
    </Dialog>
  );
}
