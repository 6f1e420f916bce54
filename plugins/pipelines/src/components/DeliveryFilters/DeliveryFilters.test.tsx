import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { DeliveryFilters } from './DeliveryFilters';

const scopes = [
  { kind: 'owner' as const, ref: 'group:default/payments', title: 'Payments' },
  { kind: 'system' as const, ref: 'system:default/ledger', title: 'Ledger' },
];

describe('DeliveryFilters', () => {
  it('offers teams and systems, and the four ranges', async () => {
    const onScopeChange = jest.fn();
    const onDaysChange = jest.fn();
    renderInTestApp(
      <DeliveryFilters
        scopes={scopes}
        onScopeChange={onScopeChange}
        days={90}
        onDaysChange={onDaysChange}
      />,
    );

    expect(screen.getByRole('radio', { name: '90 days' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: '30 days' }));
    expect(onDaysChange).toHaveBeenCalledWith(30);

    await userEvent.click(
      screen.getByRole('button', { name: /Team or system/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Ledger' }),
    );
    expect(onScopeChange).toHaveBeenCalledWith(scopes[1]);
  });
});
