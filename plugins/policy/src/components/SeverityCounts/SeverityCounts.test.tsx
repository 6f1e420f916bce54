import { render, screen } from '@testing-library/react';
import { failingCompliance } from '../../__testUtils__/fixtures';
import { SeverityCounts } from './SeverityCounts';

describe('SeverityCounts', () => {
  it('counts violations of every severity, zero included', () => {
    render(<SeverityCounts violations={failingCompliance().violations} />);

    expect(screen.getByRole('listitem', { name: '1 critical' })).toBeVisible();
    expect(screen.getByRole('listitem', { name: '1 high' })).toBeVisible();
    expect(screen.getByRole('listitem', { name: '0 medium' })).toBeVisible();
    expect(screen.getByRole('listitem', { name: '1 low' })).toBeVisible();
  });
});
