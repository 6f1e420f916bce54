import { Button, Flex, Text } from '@backstage/ui';
import type { Review, ReviewableRequest } from '../requestReview';

function sameUser(a: string | undefined, b: string): boolean {
  return a?.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

/** Approve and Reject for one pending request, disabled with the reason. */
export function ReviewButtons<TRequest extends ReviewableRequest>(props: {
  request: TRequest;
  /** Names the request in the buttons' accessible names. */
  description: string;
  currentUserRef?: string;
  disabledReason?: string;
  ownRequestReason: string;
  onReview: (review: Review<TRequest>) => void;
}) {
  const { request, description, currentUserRef, disabledReason, onReview } =
    props;
  const own = sameUser(currentUserRef, request.requestedBy);
  // Who may not review at all is told that first; the own-request rule
  // only matters to those who may. The requester may still reject
  // (withdraw) their own request.
  const approveDisabledReason =
    disabledReason ?? (own ? props.ownRequestReason : undefined);
  return (
    <Flex direction="column" gap="1" align="start">
      <Flex gap="2">
        {/* A disabled button gets no hover, so the tooltip sits on a wrapper. */}
        <span title={approveDisabledReason}>
          <Button
            size="small"
            aria-label={`Approve: ${description}`}
            isDisabled={approveDisabledReason !== undefined}
            onPress={() => onReview({ request, decision: 'approve' })}
          >
            Approve
          </Button>
        </span>
        <span title={disabledReason}>
          <Button
            size="small"
            variant="secondary"
            destructive
            aria-label={`Reject: ${description}`}
            isDisabled={disabledReason !== undefined}
            onPress={() => onReview({ request, decision: 'reject' })}
          >
            Reject
          </Button>
        </span>
      </Flex>
      {approveDisabledReason && (
        <Text variant="body-x-small" color="secondary">
          {approveDisabledReason}
        </Text>
      )}
    </Flex>
  );
}
