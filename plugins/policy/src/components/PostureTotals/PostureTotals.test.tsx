import { render, screen, within } from '@testing-library/react';
import { PostureTotals } from './PostureTotals';

describe('PostureTotals', () => {
  it('shows how many entities pass, fail and are unknown', () => {
    render(
      <PostureTotals
        entities={{ total: 128, pass: 97, fail: 23, unknown: 8 }}
      />,
    );

    const tile = (name: string) => within(screen.getByRole('group', { name }));
    expect(tile('Entities evaluated').getByText('128')).toBeInTheDocument();
    expect(tile('Compliant').getByText('97')).toBeInTheDocument();
    expect(tile('Compliant').getByText('76% of entities')).toBeInTheDocument();
    expect(tile('Non-compliant').getByText('23')).toBeInTheDocument();
    expect(tile('Unknown').getByText('8')).toBeInTheDocument();
  });
});
