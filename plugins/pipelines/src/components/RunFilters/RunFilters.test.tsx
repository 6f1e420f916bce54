import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { RunFilters } from './RunFilters';

describe('RunFilters', () => {
  it('searches with the branch, actor, workflow and a failed conclusion', async () => {
    const onSearch = jest.fn();
    renderInTestApp(<RunFilters onSearch={onSearch} />);

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Branch' }),
      'main',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Actor' }),
      'alice',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Workflow' }),
      ' Release ',
    );
    await userEvent.click(screen.getByRole('button', { name: /Status/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Failed' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(onSearch).toHaveBeenLastCalledWith({
      branch: 'main',
      actor: 'alice',
      workflow: 'Release',
      conclusion: 'failure',
    });
  });

  it('filters unfinished runs by status and clears back to everything', async () => {
    const onSearch = jest.fn();
    renderInTestApp(<RunFilters onSearch={onSearch} />);

    await userEvent.click(screen.getByRole('button', { name: /Status/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'In progress' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenLastCalledWith(
      expect.objectContaining({ status: 'in_progress' }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onSearch).toHaveBeenLastCalledWith({});
    expect(screen.getByRole('textbox', { name: 'Branch' })).toHaveValue('');
  });
});
