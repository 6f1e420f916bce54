import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readPipelinesConfig } from '../config';
import { RunBackfiller } from './RunBackfiller';
import { BACKFILL_TASK_ID, scheduleBackfill } from './scheduleBackfill';

function setup(options: { configured: boolean; backfill?: object }) {
  const scheduler = mockServices.scheduler.mock();
  const sweep = jest.fn().mockResolvedValue({});
  const backfiller = {
    githubConfigured: options.configured,
    sweep,
  } as unknown as RunBackfiller;
  const { backfill } = readPipelinesConfig(
    new ConfigReader({ pipelines: { backfill: options.backfill } }),
  );
  const schedule = () =>
    scheduleBackfill({
      scheduler,
      logger: mockServices.logger.mock(),
      backfiller,
      config: backfill,
    });
  return { scheduler, sweep, schedule };
}

describe('scheduleBackfill', () => {
  it('schedules one global sweep at the configured frequency when GitHub is configured', async () => {
    const { scheduler, sweep, schedule } = setup({
      configured: true,
      backfill: { frequency: 15 },
    });

    expect(await schedule()).toBe(true);

    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const task = scheduler.scheduleTask.mock.calls[0][0];
    expect(task).toEqual(
      expect.objectContaining({
        id: BACKFILL_TASK_ID,
        frequency: { minutes: 15 },
      }),
    );
    // Global (the default) so that one replica sweeps at a time.
    expect(task.scope ?? 'global').toBe('global');
    const signal = new AbortController().signal;
    await task.fn(signal);
    expect(sweep).toHaveBeenCalledWith({ signal });
  });

  it('does nothing by default without GitHub credentials, or when disabled', async () => {
    const quiet = setup({ configured: false });
    expect(await quiet.schedule()).toBe(false);
    expect(quiet.scheduler.scheduleTask).not.toHaveBeenCalled();

    const disabled = setup({ configured: true, backfill: { enabled: false } });
    expect(await disabled.schedule()).toBe(false);
    expect(disabled.scheduler.scheduleTask).not.toHaveBeenCalled();
  });

  it('refuses to start when enabled without GitHub credentials', async () => {
    const { schedule } = setup({
      configured: false,
      backfill: { enabled: true },
    });
    await expect(schedule()).rejects.toThrow(
      /pipelines.backfill.enabled is true, but integrations.github has no token or GitHub App/,
    );
  });

  it('reads the defaults and rejects nonsense', () => {
    expect(readPipelinesConfig(new ConfigReader({})).backfill).toEqual({
      enabled: undefined,
      frequencyMinutes: 30,
      lookbackHours: 24,
      rateLimitReserve: 100,
    });
    for (const backfill of [
      { frequency: 0 },
      { lookbackHours: 1.5 },
      { rateLimitReserve: -1 },
    ]) {
      expect(() =>
        readPipelinesConfig(new ConfigReader({ pipelines: { backfill } })),
      ).toThrow(/pipelines\.backfill\.\w+ must be an integer/);
    }
  });
});
