import { render, screen, within } from '@testing-library/react';
import { currentVersion } from '../../__testUtils__/fixtures';
import { PolicyVersionsTable } from './PolicyVersionsTable';

describe('PolicyVersionsTable', () => {
  it('lists revisions with the current one marked', () => {
    render(
      <PolicyVersionsTable
        versions={[
          currentVersion,
          {
            ...currentVersion,
            revision: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
            current: false,
            rules: currentVersion.rules.slice(0, 1),
          },
        ]}
      />,
    );

    const [, current, older] = screen.getAllByRole('row');
    expect(within(current).getByText('3b5d5c371295')).toBeInTheDocument();
    expect(within(current).getByText('Current')).toBeInTheDocument();
    expect(within(older).getByText('0a1b2c3d4e5f')).toBeInTheDocument();
    expect(within(older).queryByText('Current')).not.toBeInTheDocument();
    expect(within(older).getByText('1')).toBeInTheDocument();
  });
});
