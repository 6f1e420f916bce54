import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  PIPELINES_SIGNAL_CHANNEL,
  PipelineChange,
} from '@finops/plugin-pipelines-common';

export type { PipelineChange };

/** One signal per second at most; under load the deliveries share it. */
const WINDOW_MS = 1_000;
/** Bounds a message when very many entities change within one window. */
const MAX_ENTITIES_PER_SIGNAL = 500;

/**
 * Tells open entity pages that their pipeline data changed, through
 * Backstage's signals: a broadcast on the `pipelines` channel listing the
 * entities that changed and what kind of data (which every signed-in user
 * may read anyway); each page picks its own entity out. Changes within a
 * second go out together, so a thousand deliveries a second cost one
 * signal, not a thousand (each is a post to the event bus). A signal that
 * cannot be sent is logged: the data is stored either way and the page
 * shows it on its next read.
 */
export class PipelineSignals {
  readonly #signals: SignalsService;
  readonly #logger: LoggerService;
  readonly #windowMs: number;
  #pending = new Map<string, Set<PipelineChange>>();
  #timer: NodeJS.Timeout | undefined;

  static create(options: {
    signals: SignalsService;
    logger: LoggerService;
    windowMs?: number;
  }): PipelineSignals {
    return new PipelineSignals(
      options.signals,
      options.logger,
      options.windowMs ?? WINDOW_MS,
    );
  }

  private constructor(
    signals: SignalsService,
    logger: LoggerService,
    windowMs: number,
  ) {
    this.#signals = signals;
    this.#logger = logger;
    this.#windowMs = windowMs;
  }

  changed(entityRef: string, change: PipelineChange): void {
    const changes = this.#pending.get(entityRef) ?? new Set();
    changes.add(change);
    this.#pending.set(entityRef, changes);
    if (!this.#timer) {
      this.#timer = setTimeout(() => this.#flush(), this.#windowMs);
      this.#timer.unref();
    }
  }

  async #flush(): Promise<void> {
    const pending = this.#pending;
    this.#pending = new Map();
    this.#timer = undefined;
    const entities = [...pending]
      .map(([entityRef, changes]) => ({
        entityRef,
        changes: [...changes].sort(),
      }))
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    for (let i = 0; i < entities.length; i += MAX_ENTITIES_PER_SIGNAL) {
      try {
        await this.#signals.publish({
          recipients: { type: 'broadcast' },
          channel: PIPELINES_SIGNAL_CHANNEL,
          message: { entities: entities.slice(i, i + MAX_ENTITIES_PER_SIGNAL) },
        });
      } catch (error) {
        this.#logger.warn('Could not signal pipeline changes', {
          entities: entities.length,
          error: (error as Error).message,
        });
      }
    }
  }
}
