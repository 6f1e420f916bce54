import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dialog, DialogHeader } from '@backstage/ui';
import { ConfirmDialogFooter } from './ConfirmDialogFooter';

function renderFooter(props: { isPending?: boolean; isDisabled?: boolean }) {
  const onConfirm = jest.fn();
  const onCancel = jest.fn();
  render(
    <Dialog isOpen>
      <DialogHeader>Rotate database</DialogHeader>
      <ConfirmDialogFooter {...props} onConfirm={onConfirm} onCancel={onCancel}>
        Rotate
      </ConfirmDialogFooter>
    </Dialog>,
  );
  return { onConfirm, onCancel };
}

describe('ConfirmDialogFooter', () => {
  it('confirms or cancels', async () => {
    const { onConfirm, onCancel } = renderFooter({});

    await userEvent.click(screen.getByRole('button', { name: 'Rotate' }));
    expect(onConfirm).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('cannot confirm while disabled', () => {
    renderFooter({ isDisabled: true });

    expect(screen.getByRole('button', { name: 'Rotate' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  });

  it('cannot confirm twice while the first is under way', async () => {
    const { onConfirm } = renderFooter({ isPending: true });

    await userEvent.click(screen.getByRole('button', { name: /Rotate/ }));
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
