import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';

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
      return root.forPlugin(pluginId);
    }
    return root.forPlugin(pluginId, { discovery, logger, lifecycle, auth });
  },
});
