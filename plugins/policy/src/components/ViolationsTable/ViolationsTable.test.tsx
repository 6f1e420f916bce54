import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exception, failingCompliance } from '../../__testUtils__/fixtures';
import { ViolationsTable } from './ViolationsTable';

describe('ViolationsTable', () => {
  it('lists open violations most severe first with frameworks and remediation', async () => {
    const onRequestException = jest.fn();
    render(
      <ViolationsTable
        compliance={failingCompliance()}
        onRequestException={onRequestException}
      />,
    );

    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map(row => within(row).getAllByRole('rowheader')[0].textContent),
    ).toEqual([
      expect.stringContaining('Card data is stored unencrypted'),
      expect.stringContaining('No data classification annotation'),
      expect.stringContaining('The component has no owner team'),
    ]);
    expect(within(rows[0]).getByText('PCI-DSS 3.5')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText('Enable KMS encryption on the database'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Request exception for encryption_at_rest',
      }),
    );
    expect(onRequestException).toHaveBeenCalledWith(
      expect.objectContaining({ rule: 'encryption_at_rest' }),
    );
  });

  it('shows excepted and pending rules instead of a request button', () => {
    render(
      <ViolationsTable
        compliance={failingCompliance({
          excepted: ['data_classification', 'tls_required'],
          exceptions: [
            exception({
              rule: 'tls_required',
              status: 'approved',
              expiresAt: '2026-09-01T12:00:00Z',
            }),
            exception({ rule: 'owner_required', status: 'pending' }),
          ],
        })}
        onRequestException={jest.fn()}
      />,
    );

    expect(screen.getByText('Covered by exception')).toBeInTheDocument();
    expect(screen.getByText('Covered until 1 Sept 2026')).toBeInTheDocument();
    expect(screen.getByText('Pending review')).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: /Request exception/ }),
    ).toHaveLength(1);
  });

  it('says so when there is nothing to fix', () => {
    render(
      <ViolationsTable
        compliance={failingCompliance({ status: 'pass', violations: [] })}
        onRequestException={jest.fn()}
      />,
    );

    expect(
      screen.getByText('No violations: this entity meets every rule.'),
    ).toBeInTheDocument();
  });
});
