import { render, screen } from '@testing-library/react';
import { ExceptionStatusPill } from './ExceptionStatusPill';

describe('ExceptionStatusPill', () => {
  it.each([
    ['pending', 'Pending review', 'info'],
    ['approved', 'Approved', 'success'],
    ['rejected', 'Rejected', 'danger'],
    ['expired', 'Expired', 'neutral'],
  ] as const)('shows %s as "%s"', (status, label, tone) => {
    render(<ExceptionStatusPill status={status} />);

    expect(screen.getByText(label)).toHaveAttribute('data-tone', tone);
  });
});
