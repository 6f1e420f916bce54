import { Button, Flex } from '@backstage/ui';
import type { DeployPlan } from '../../deployActions';

/**
 * The deploy actions an environment offers: promoting what it runs to the
 * next environment, and rolling back to a version that succeeded there.
 * Renders nothing when it offers neither.
 */
export function EnvironmentDeployButtons(props: {
  environment: string;
  promotion?: DeployPlan;
  rollback?: DeployPlan;
  onChoose: (plan: DeployPlan) => void;
}) {
  const { environment, promotion, rollback, onChoose } = props;
  if (!promotion && !rollback) {
    return null;
  }
  return (
    <Flex gap="2" style={{ flexWrap: 'wrap' }}>
      {promotion && (
        <Button size="small" onPress={() => onChoose(promotion)}>
          {`Promote to ${promotion.environment}`}
        </Button>
      )}
      {rollback && (
        <Button
          size="small"
          variant="secondary"
          aria-label={`Roll back ${environment}`}
          onPress={() => onChoose(rollback)}
        >
          Roll back
        </Button>
      )}
    </Flex>
  );
}
