import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DecisionLogSearch } from './DecisionLogSearch';

describe('DecisionLogSearch', () => {
  it('searches by the filters filled in, leaving the others out', async () => {
    const onSearch = jest.fn();
    render(<DecisionLogSearch onSearch={onSearch} />);

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Actor' }),
      ' user:default/bob ',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Revision' }),
      '3b5d5c37',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(onSearch).toHaveBeenCalledWith({
      actor: 'user:default/bob',
      revision: '3b5d5c37',
      decisionPoint: undefined,
      allow: undefined,
      subject: undefined,
    });
  });

  it('clears every filter', async () => {
    const onSearch = jest.fn();
    render(<DecisionLogSearch onSearch={onSearch} />);
    const actor = screen.getByRole('textbox', { name: 'Actor' });
    await userEvent.type(actor, 'bob');

    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));

    expect(actor).toHaveValue('');
    expect(onSearch).toHaveBeenLastCalledWith({});
  });
});
