import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import { signalChannel } from '@finops/plugin-pipelines-common';

/** What changed for an entity: the tabs showing it read it again. */
export type PipelineChange = 'runs' | 'deployments' | 'changes' | 'requests';

/** Deliveries come in bursts (a run and its jobs): one signal per window. */
const COALESCE_MS = 500;

/**
 * Tells open entity pages that their pipeline data changed, through
 * Backstage's signals (a broadcast on `pipelines:<entityRef>`; the message
 * says only what kind of data changed, which every signed-in user may
 * read anyway). Changes of one entity within half a second go out as one
 * signal. A signal that cannot be sent is logged: the data is stored
 * either way and the page shows it on its next read.
 */
export class PipelineSignals {
  readonly #signals: SignalsService;
  readonly #logger: LoggerService;
  readonly #pending = new Map<string, Set<PipelineChange>>();

  static create(options: {
    signals: SignalsService;
    logger: LoggerService;
  }): PipelineSignals {
    return new PipelineSignals(options.signals, options.logger);
  }

  private constructor(signals: SignalsService, logger: LoggerService) {
    this.#signals = signals;
    this.#logger = logger;
  }

  changed(entityRef: string, change: PipelineChange): void {
    const pending = this.#pending.get(entityRef);
    if (pending) {
      pending.add(change);
      return;
    }
    this.#pending.set(entityRef, new Set([change]));
    setTimeout(() => this.#flush(entityRef), COALESCE_MS).unref();
  }

  async #flush(entityRef: string): Promise<void> {
    const changes = [...(this.#pending.get(entityRef) ?? [])].sort();
    this.#pending.delete(entityRef);
    try {
      await this.#signals.publish({
        recipients: { type: 'broadcast' },
        channel: signalChannel(entityRef),
        message: { entityRef, changes },
      });
    } catch (error) {
      this.#logger.warn('Could not signal a pipeline change', {
        entityRef,
        error: (error as Error).message,
      });
    }
  }
}
