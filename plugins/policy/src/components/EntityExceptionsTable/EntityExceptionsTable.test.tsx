import { render, screen, within } from '@testing-library/react';
import { exception } from '../../__testUtils__/fixtures';
import { EntityExceptionsTable } from './EntityExceptionsTable';

describe('EntityExceptionsTable', () => {
  it('shows each exception with its status, requester, expiry and review', () => {
    render(
      <EntityExceptionsTable
        exceptions={[
          exception({ id: '1', rule: 'tls_required', status: 'pending' }),
          exception({
            id: '2',
            rule: 'owner_required',
            status: 'rejected',
            reviewedBy: 'user:default/carol',
            reviewedAt: null,
            reviewComment: 'Assign an owner instead',
          }),
        ]}
      />,
    );

    const [, pending, rejected] = screen.getAllByRole('row');
    expect(within(pending).getByText('Pending review')).toBeInTheDocument();
    expect(within(pending).getByText('alice')).toBeInTheDocument();
    expect(within(pending).getByText('1 Sept 2026')).toBeInTheDocument();
    expect(within(rejected).getByText('Rejected')).toBeInTheDocument();
    expect(
      within(rejected).getByText('carol: Assign an owner instead'),
    ).toBeInTheDocument();
  });

  it('says so when none were requested', () => {
    render(<EntityExceptionsTable exceptions={[]} />);

    expect(
      screen.getByText('No exceptions have been requested for this entity.'),
    ).toBeInTheDocument();
  });
});
