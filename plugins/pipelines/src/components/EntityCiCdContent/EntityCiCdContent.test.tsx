import { act, screen, waitFor, within } from '@testing-library/react';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { pipelinesDeployPermission } from '@finops/plugin-pipelines-common';
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
import {
  entityOfItsOwn,
  testPermissions,
} from '../../__testUtils__/permissions';
import { EntityCiCdContent } from './EntityCiCdContent';

/** A signals API whose messages the test sends, per channel. */
function testSignals() {
  const subscribers = new Map<string, Array<(message: any) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      subscribers.set(channel, [
        ...(subscribers.get(channel) ?? []),
        onMessage as (message: any) => void,
      ]);
      return {
        unsubscribe: () =>
          subscribers.set(
            channel,
            (subscribers.get(channel) ?? []).filter(s => s !== onMessage),
          ),
      };
    },
  };
  const send = (channel: string, message: object) =>
    act(() => (subscribers.get(channel) ?? []).forEach(s => s(message)));
  return { api, send };
}

function renderTab(
  api: PipelinesApi,
  signals = testSignals().api,
  options: {
    entity?: Entity;
    permissions?: ReturnType<typeof testPermissions>['api'];
  } = {},
) {
  return renderInTestApp(
    <EntityProvider entity={options.entity ?? cardPaymentsEntity}>
      <EntityCiCdContent />
    </EntityProvider>,
    {
      apis: [
        [pipelinesApiRef, api],
        [signalApiRef, signals],
        options.permissions ?? testPermissions().api,
      ],
    },
  );
}

describe('EntityCiCdContent', () => {
  it('shows a run as soon as the backend signals that runs changed', async () => {
    const api = fakePipelinesApi();
    const signals = testSignals();
    api.listRuns.mockResolvedValueOnce({ items: [run()] });
    renderTab(api, signals.api);
    expect(await screen.findByText('CI #412')).toBeInTheDocument();

    api.listRuns.mockResolvedValueOnce({
      items: [run({ id: '9200', runNumber: 413 }), run()],
    });
    // Another entity's signal, or one about deployments, reads nothing.
    await signals.send('pipelines', {
      entities: [
        { entityRef: 'component:default/other', changes: ['runs'] },
        { entityRef: cardPaymentsRef, changes: ['deployments'] },
      ],
    });
    expect(api.listRuns).toHaveBeenCalledTimes(1);

    await signals.send('pipelines', {
      entities: [
        { entityRef: 'component:default/other', changes: ['runs'] },
        { entityRef: cardPaymentsRef, changes: ['changes', 'runs'] },
      ],
    });
    expect(await screen.findByText('CI #413')).toBeInTheDocument();
    expect(api.listRuns).toHaveBeenCalledTimes(2);
  });

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

  it('offers to re-run the failed jobs of failed runs only, and does so', async () => {
    const api = fakePipelinesApi({
      listRuns: jest.fn(async () => ({
        items: [
          run(),
          run({ id: '9099', runNumber: 411, conclusion: 'failure' }),
          run({ id: '9098', runNumber: 410, conclusion: 'timed_out' }),
          run({
            id: '9097',
            runNumber: 409,
            status: 'in_progress' as const,
            conclusion: null,
          }),
        ],
      })),
    });
    renderTab(api);

    await screen.findByText('CI #412');
    const rerunButtons = screen.getAllByRole('button', {
      name: /^Re-run failed jobs of/,
    });
    expect(rerunButtons.map(b => b.getAttribute('aria-label'))).toEqual([
      'Re-run failed jobs of CI #411',
      'Re-run failed jobs of CI #410',
    ]);

    await userEvent.click(rerunButtons[0]);
    const dialog = await screen.findByRole('dialog');
    expect(api.rerunRun).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Re-run failed jobs' }),
    );

    expect(api.rerunRun).toHaveBeenCalledWith('9099');
    expect(
      await within(dialog).findByText('GitHub accepted the re-run'),
    ).toBeInTheDocument();
  });

  it('says why a re-run was refused', async () => {
    const error = await responseError(
      409,
      'ConflictError',
      'Run 9099 is already running again',
    );
    renderTab(
      fakePipelinesApi({
        listRuns: jest.fn(async () => ({
          items: [run({ id: '9099', runNumber: 411, conclusion: 'failure' })],
        })),
        rerunRun: jest.fn(async () => {
          throw error;
        }),
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Re-run failed jobs of CI #411',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Re-run failed jobs' }),
    );

    expect(
      await within(dialog).findByText('Could not re-run the failed jobs'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Run 9099 is already running again'),
    ).toBeInTheDocument();
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
  describe('permissions', () => {
    const failedRun = () =>
      fakePipelinesApi({
        listRuns: jest.fn(async () => ({
          items: [run({ id: '9099', runNumber: 411, conclusion: 'failure' })],
        })),
      });

    it('asks whether the user may deploy the entity and offers the re-run when allowed', async () => {
      const permissions = testPermissions();
      renderTab(failedRun(), undefined, {
        entity: entityOfItsOwn('ledger'),
        permissions: permissions.api,
      });

      const rerun = await screen.findByRole('button', {
        name: 'Re-run failed jobs of CI #411',
      });
      await waitFor(() => expect(rerun).toBeEnabled());
      expect(permissions.requests).toContainEqual(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'pipelines.deploy' }),
          resourceRef: 'component:default/ledger',
        }),
      );
    });

    it('disables the re-run, saying why, for who may not deploy the entity', async () => {
      const api = failedRun();
      renderTab(api, undefined, {
        entity: entityOfItsOwn('billing'),
        permissions: testPermissions({ deny: [pipelinesDeployPermission] }).api,
      });

      await screen.findByText('Only the owners of this entity deploy it.');
      const rerun = screen.getByRole('button', {
        name: 'Re-run failed jobs of CI #411',
      });
      expect(rerun).toBeDisabled();
      expect(rerun.closest('[title]')).toHaveAttribute(
        'title',
        'Only the owners of this entity deploy it.',
      );
      await userEvent.click(rerun);
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(api.rerunRun).not.toHaveBeenCalled();
    });
  });
});
