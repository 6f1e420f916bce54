import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { pipelinesApiRef, type PipelinesApi } from '../../api';
import {
  fakePipelinesApi,
  responseError,
} from '../../__testUtils__/fakePipelinesApi';
import {
  cardPaymentsEntity,
  cardPaymentsRef,
  run,
} from '../../__testUtils__/fixtures';
import { EntityCiCdContent } from './EntityCiCdContent';

function renderTab(api: PipelinesApi) {
  return renderInTestApp(
    <EntityProvider entity={cardPaymentsEntity}>
      <EntityCiCdContent />
    </EntityProvider>,
    { apis: [[pipelinesApiRef, api]] },
  );
}

describe('EntityCiCdContent', () => {
  it("lists the entity's runs and loads older ones with the cursor", async () => {
    const api = fakePipelinesApi();
    api.listRuns
      .mockResolvedValueOnce({ items: [run()], nextCursor: '9100' })
      .mockResolvedValueOnce({
        items: [run({ id: '9042', runNumber: 380 })],
      });
    renderTab(api);

    expect(await screen.findByText('CI #412')).toBeInTheDocument();
    expect(api.listRuns).toHaveBeenCalledWith({
      entityRef: cardPaymentsRef,
      limit: 25,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('CI #380')).toBeInTheDocument();
    expect(screen.getByText('CI #412')).toBeInTheDocument();
    expect(api.listRuns).toHaveBeenLastCalledWith({
      entityRef: cardPaymentsRef,
      before: '9100',
      limit: 25,
    });
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it('searches again with the filters', async () => {
    const api = fakePipelinesApi();
    renderTab(api);
    await screen.findByText('CI #412');

    api.listRuns.mockResolvedValueOnce({ items: [] });
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Branch' }),
      'release/2026.06',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(
      await screen.findByText('No runs match these filters.'),
    ).toBeInTheDocument();
    expect(api.listRuns).toHaveBeenLastCalledWith({
      entityRef: cardPaymentsRef,
      branch: 'release/2026.06',
      limit: 25,
    });
  });

  it('opens a run to its job timeline', async () => {
    const api = fakePipelinesApi();
    renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'CI #412' }),
    );

    expect(
      await screen.findByRole('list', { name: 'Job timeline' }),
    ).toBeInTheDocument();
    expect(api.getRun).toHaveBeenCalledWith('9100');
  });

  it('explains where runs come from when there are none', async () => {
    renderTab(fakePipelinesApi({ listRuns: async () => ({ items: [] }) }));

    expect(await screen.findByText('No runs yet')).toBeInTheDocument();
    expect(
      screen.getByText(/annotated with github.com\/project-slug/),
    ).toBeInTheDocument();
  });

  it("shows the server's message when loading fails", async () => {
    const error = await responseError(
      400,
      'InputError',
      'entityRef must be a valid entity reference',
    );
    renderTab(
      fakePipelinesApi({
        listRuns: async () => {
          throw error;
        },
      }),
    );

    expect(
      await screen.findByText('entityRef must be a valid entity reference'),
    ).toBeInTheDocument();
  });

  it('names the permission a refused user lacks', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');
    renderTab(
      fakePipelinesApi({
        listRuns: async () => {
          throw error;
        },
      }),
    );

    expect(
      await screen.findByText('Pipelines are not open to you'),
    ).toBeInTheDocument();
  });
});
