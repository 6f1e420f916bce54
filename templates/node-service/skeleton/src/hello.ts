import type { FastifyInstance } from 'fastify';

interface HelloQuery {
  name: string;
}

/** The example business route: replace it with the service's own. */
export function registerHelloRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: HelloQuery }>(
    '/v1/hello',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name: {
              type: 'string',
              minLength: 1,
              maxLength: 64,
              pattern: "^\\p{L}[\\p{L} .'-]*$",
            },
          },
        },
      },
    },
    (request) => ({ message: `Hello, ${request.query.name}!` }),
  );
}
