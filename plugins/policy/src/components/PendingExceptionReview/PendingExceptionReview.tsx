import { useState, type ReactNode } from 'react';
import type { PolicyException } from '@finops/plugin-policy-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  humanizeEntityRef,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Link,
  Text,
  TextField,
} from '@backstage/ui';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { errorMessage, policyApiRef } from '../../api';
import { formatDate, formatDateTime, refName } from '../../format';

type Decision = 'approve' | 'reject';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <Flex direction="column" gap="1">
      <Text variant="body-x-small" color="secondary" weight="bold">
        {props.label}
      </Text>
      <Text variant="body-medium">{props.children}</Text>
    </Flex>
  );
}

/**
 * One pending exception as an approver sees it: what is asked, why, what
 * limits the risk, and Approve / Reject with an optional comment. The
 * backend has the last word (maker-checker, approver role, still pending);
 * its refusal is shown here in its own words.
 */
export function PendingExceptionReview(props: {
  exception: PolicyException;
  currentUserRef?: string;
  onReviewed: (exception: PolicyException) => void;
}) {
  const { exception, currentUserRef, onReviewed } = props;
  const api = useApi(policyApiRef);
  const entityLink = useEntityRefLink();
  const [comment, setComment] = useState('');
  const [decision, setDecision] = useState<Decision>();
  const ownRequest = currentUserRef === exception.requestedBy;
  const entityName = humanizeEntityRef(parseEntityRef(exception.entityRef));

  const [review, send] = useAsyncFn(
    async (chosen: Decision) => {
      setDecision(chosen);
      const note = comment.trim() || undefined;
      const reviewed =
        chosen === 'approve'
          ? await api.approveException(exception.id, note)
          : await api.rejectException(exception.id, note);
      onReviewed(reviewed);
      return reviewed;
    },
    [api, exception.id, comment, onReviewed],
  );

  return (
    <Card role="region" aria-label={`${exception.rule} on ${entityName}`}>
      <CardHeader>
        <Flex justify="between" align="start" gap="4">
          <Flex direction="column" gap="1">
            <Text variant="title-x-small">{exception.rule}</Text>
            <Link href={entityLink(exception.entityRef)}>{entityName}</Link>
          </Flex>
          <Text variant="body-small" color="secondary">
            Expires {formatDate(exception.expiresAt)}
          </Text>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          <Field label="Requested by">
            {refName(exception.requestedBy)},{' '}
            {formatDateTime(exception.requestedAt)}
          </Field>
          <Field label="Justification">{exception.justification}</Field>
          <Field label="Compensating control">
            {exception.compensatingControl}
          </Field>
          <TextField
            label="Comment (optional)"
            value={comment}
            onChange={setComment}
            isDisabled={ownRequest}
          />
          {review.error && (
            <Alert
              status="danger"
              icon
              title={
                decision === 'approve'
                  ? 'The exception was not approved'
                  : 'The exception was not rejected'
              }
              description={errorMessage(review.error)}
            />
          )}
        </Flex>
      </CardBody>
      <CardFooter>
        <Flex justify="end" align="center" gap="2">
          {ownRequest && (
            <Text variant="body-small" color="secondary">
              You requested this exception: another approver must review it.
            </Text>
          )}
          <Button
            variant="secondary"
            destructive
            isDisabled={ownRequest || review.loading}
            isPending={review.loading && decision === 'reject'}
            onPress={() => send('reject')}
          >
            Reject
          </Button>
          <Button
            isDisabled={ownRequest || review.loading}
            isPending={review.loading && decision === 'approve'}
            onPress={() => send('approve')}
          >
            Approve
          </Button>
        </Flex>
      </CardFooter>
    </Card>
  );
}
