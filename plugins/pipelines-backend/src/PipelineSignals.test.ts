import { mockServices } from '@backstage/backend-test-utils';
import { PipelineSignals } from './PipelineSignals';

describe('PipelineSignals', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function start() {
    const publish = jest.fn(async () => {});
    const signals = PipelineSignals.create({
      signals: { publish },
      logger: mockServices.logger.mock(),
    });
    return { signals, publish };
  }

  it('sends one signal a second, however many deliveries arrive', async () => {
    const { signals, publish } = start();
    for (let i = 0; i < 1200; i++) {
      signals.changed(`component:default/svc-${i % 3}`, 'runs');
    }
    signals.changed('component:default/svc-1', 'deployments');
    expect(publish).not.toHaveBeenCalled();

    await jest.advanceTimersByTimeAsync(1_000);
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenCalledWith({
      recipients: { type: 'broadcast' },
      channel: 'pipelines',
      message: {
        entities: [
          { entityRef: 'component:default/svc-0', changes: ['runs'] },
          {
            entityRef: 'component:default/svc-1',
            changes: ['deployments', 'runs'],
          },
          { entityRef: 'component:default/svc-2', changes: ['runs'] },
        ],
      },
    });

    // Quiet: nothing more; the next change opens a new window.
    await jest.advanceTimersByTimeAsync(5_000);
    expect(publish).toHaveBeenCalledTimes(1);
    signals.changed('component:default/svc-0', 'requests');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(publish).toHaveBeenCalledTimes(2);
  });

  it('splits a window with very many entities into bounded messages', async () => {
    const { signals, publish } = start();
    for (let i = 0; i < 1_001; i++) {
      signals.changed(
        `component:default/svc-${String(i).padStart(4, '0')}`,
        'runs',
      );
    }
    await jest.advanceTimersByTimeAsync(1_000);
    expect(
      publish.mock.calls.map(([signal]: any) => signal.message.entities.length),
    ).toEqual([500, 500, 1]);
  });
});
