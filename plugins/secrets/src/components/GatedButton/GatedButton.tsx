import type { ReactNode } from 'react';
import { Button, type ButtonProps, Flex, Text } from '@backstage/ui';

/**
 * A button the signed-in user may not be allowed to press. With a
 * `disabledReason` it stays visible but disabled, the reason in a tooltip
 * and beside it, so that nobody wonders why nothing happens.
 */
export function GatedButton(
  props: Omit<ButtonProps, 'isDisabled' | 'children'> & {
    disabledReason?: string;
    children: ReactNode;
  },
) {
  const { disabledReason, children, ...buttonProps } = props;
  return (
    <Flex direction="column" gap="1" align="start">
      {/* A disabled button gets no hover, so the tooltip sits on a wrapper. */}
      <span title={disabledReason}>
        <Button {...buttonProps} isDisabled={disabledReason !== undefined}>
          {children}
        </Button>
      </span>
      {disabledReason && (
        <Text variant="body-x-small" color="secondary">
          {disabledReason}
        </Text>
      )}
    </Flex>
  );
}
