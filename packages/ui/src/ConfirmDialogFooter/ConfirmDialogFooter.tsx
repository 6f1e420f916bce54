import type { ReactNode } from 'react';
import { Button, DialogFooter } from '@backstage/ui';

/**
 * A confirmation dialog's footer: Cancel, and the button that does it,
 * which spins while `isPending` and stays disabled while `isDisabled`
 * (e.g. until a policy check has answered).
 */
export function ConfirmDialogFooter(props: {
  /** The confirming button's label, e.g. "Rotate". */
  children: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  isPending?: boolean;
  isDisabled?: boolean;
  destructive?: boolean;
}) {
  const { children, onConfirm, onCancel, isPending, isDisabled, destructive } =
    props;
  return (
    <DialogFooter>
      <Button variant="secondary" onPress={onCancel}>
        Cancel
      </Button>
      <Button
        destructive={destructive}
        isDisabled={isDisabled}
        isPending={isPending}
        onPress={onConfirm}
      >
        {children}
      </Button>
    </DialogFooter>
  );
}
