import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { CustomErrorBase, InputError } from '@backstage/errors';
import { HttpBodyParser } from '@backstage/plugin-events-node';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import { Router } from 'express';

/**
 * Webhook deliveries that the events backend's HTTP ingress answered with
 * a 500 although the sender was wrong (found by the security suite):
 *
 * - malformed JSON: its JSON parser lets JSON.parse's SyntaxError through.
 *   The parser here answers 400 instead, before any subscriber sees it.
 * - no Content-Type: the ingress's content-type parsing throws a
 *   TypeError. Checked here first, with the 415 any other unsupported
 *   media type gets.
 *
 * Everything else (the 5 MB limit, other media types, the signature check
 * of the github module) stays the events backend's.
 */
class UnsupportedMediaTypeError extends CustomErrorBase {
  name = 'UnsupportedMediaTypeError';
  statusCode = 415;
}

export const parseJsonDelivery: HttpBodyParser = async (
  request,
  mediaType,
  topic,
) => {
  const bodyBuffer = request.body;
  if (!Buffer.isBuffer(bodyBuffer)) {
    throw new Error(`No raw body for a delivery to ${topic}`);
  }
  const encoding = mediaType.parameters.charset ?? 'utf-8';
  if (!Buffer.isEncoding(encoding)) {
    throw new UnsupportedMediaTypeError(`Unsupported charset: ${encoding}`);
  }
  try {
    return {
      bodyParsed: JSON.parse(bodyBuffer.toString(encoding)),
      bodyBuffer,
      encoding,
    };
  } catch {
    // The body is not echoed: it may carry anything.
    throw new InputError(`The delivery to ${topic} is not valid JSON`);
  }
};

export const eventsModuleWebhookIngress = createBackendModule({
  pluginId: 'events',
  moduleId: 'webhook-ingress',
  register(reg) {
    reg.registerInit({
      deps: {
        events: eventsExtensionPoint,
        httpRouter: coreServices.httpRouter,
      },
      async init({ events, httpRouter }) {
        events.addHttpPostBodyParser({
          contentType: 'application/json',
          parser: parseJsonDelivery,
        });
        // Modules start before their plugin: this runs ahead of the ingress.
        const router = Router();
        router.post('/http/*', (req, _res, next) => {
          if (!req.headers['content-type']) {
            throw new UnsupportedMediaTypeError(
              'A delivery needs a Content-Type (application/json)',
            );
          }
          next();
        });
        httpRouter.use(router);
      },
    });
  },
});
