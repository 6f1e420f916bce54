import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  DefaultEventsService,
  EventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The events service, with one difference from Backstage's default: what
 * the events plugin itself publishes (webhook deliveries from its HTTP
 * ingress: `github.*` and the like) goes to the subscribers of this
 * process only, not also to the event bus.
 *
 * Every replica of this backend runs every plugin, so each subscriber of
 * those topics exists in the replica that received the delivery, and the
 * events service calls it before the sender gets its answer: the bus would
 * only store the event and tell the other replicas that everyone was
 * notified already. That post (an HTTP call with a plugin token, and a
 * row in the events database) costs more than storing the delivery itself
 * and capped ingestion at about 170 deliveries a second on two cores
 * (bench/pipelines); without it the same machine takes 750.
 *
 * Everything else other plugins publish still uses the bus as configured
 * (`events.useEventBus`), so signals reach browsers connected to other
 * replicas.
 *
 * A delivery a subscriber fails to take (its database is down, say) is
 * refused with 503 instead of acknowledged: Backstage's local bus only logs
 * a subscriber's error, so the sender got 202 for a delivery nobody stored
 * and never sent it again. Subscribers are idempotent (the pipelines claim
 * each delivery id), so a redelivery is safe.
 */
export const eventsServiceFactory = createServiceFactory({
  service: eventsServiceRef,
  deps: {
    pluginMetadata: coreServices.pluginMetadata,
    rootLogger: coreServices.rootLogger,
    discovery: coreServices.discovery,
    logger: coreServices.logger,
    lifecycle: coreServices.lifecycle,
    auth: coreServices.auth,
    config: coreServices.rootConfig,
  },
  async createRootContext({ rootLogger, config }) {
    return DefaultEventsService.create({ logger: rootLogger, config });
  },
  async factory({ pluginMetadata, discovery, logger, lifecycle, auth }, root) {
    const pluginId = pluginMetadata.getId();
    if (pluginId === 'events') {
      return refusingUntakenDeliveries(
        reportingFailures(pluginId, root.forPlugin(pluginId)),
      );
    }
    return reportingFailures(
      pluginId,
      root.forPlugin(pluginId, { discovery, logger, lifecycle, auth }),
    );
  },
});

/** The subscribers that failed on the event being published, per publish. */
const failedSubscribers = new AsyncLocalStorage<
  Array<{ subscriber: string; error: unknown }>
>();

function refusingUntakenDeliveries(events: EventsService): EventsService {
  return {
    async publish(params) {
      const failed: Array<{ subscriber: string; error: unknown }> = [];
      await failedSubscribers.run(failed, () => events.publish(params));
      if (failed.length === 0) return;
      // The ingress publishes `github`, which the events plugin's own
      // router republishes as `github.<event>`: say who refused that one.
      const nested = failed.find(
        f => (f.error as Error)?.name === 'ServiceUnavailableError',
      );
      if (nested) throw nested.error;
      throw new ServiceUnavailableError(
        `${failed.map(f => f.subscriber).join(', ')} could not take this ${
          params.topic
        } event; send it again later`,
      );
    },
    subscribe: options => events.subscribe(options),
  };
}

function reportingFailures(
  pluginId: string,
  events: EventsService,
): EventsService {
  return {
    publish: params => events.publish(params),
    subscribe: options =>
      events.subscribe({
        ...options,
        onEvent: async params => {
          try {
            await options.onEvent(params);
          } catch (error) {
            failedSubscribers
              .getStore()
              ?.push({ subscriber: `${pluginId}.${options.id}`, error });
            throw error;
          }
        },
      }),
  };
}
