import { Button, Flex, Text } from '@backstage/ui';
import type { DeployPlan } from '../../deployActions';

/**
 * The deploy actions an environment offers: promoting what it runs to the
 * next environment, and rolling back to a version that succeeded there.
 * Renders nothing when it offers neither. With a `disabledReason` (the
 * signed-in user may not deploy, or it is not known yet) the buttons stay
 * visible but disabled, with the reason beside them.
 */
export function EnvironmentDeployButtons(props: {
  environment: string;
  promotion?: DeployPlan;
  rollback?: DeployPlan;
  disabledReason?: string;
  onChoose: (plan: DeployPlan) => void;
}) {
  const { environment, promotion, rollback, disabledReason, onChoose } = props;
  if (!promotion && !rollback) {
    return null;
  }
  const disabled = disabledReason !== undefined;
  return (
    <Flex direction="column" gap="1" align="start">
      {/* A disabled button gets no hover, so the tooltip sits on a wrapper. */}
      <Flex gap="2" style={{ flexWrap: 'wrap' }} title={disabledReason}>
        {promotion && (
          <Button
            size="small"
            isDisabled={disabled}
            onPress={() => onChoose(promotion)}
          >
            {`Promote to ${promotion.environment}`}
          </Button>
        )}
        {rollback && (
          <Button
            size="small"
            variant="secondary"
            aria-label={`Roll back ${environment}`}
            isDisabled={disabled}
            onPress={() => onChoose(rollback)}
          >
            Roll back
          </Button>
        )}
      </Flex>
      {disabled && (
        <Text variant="body-x-small" color="secondary">
          {disabledReason}
        </Text>
      )}
    </Flex>
  );
}
