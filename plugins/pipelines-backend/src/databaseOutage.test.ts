import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { databaseOutageAs503, isDatabaseUnavailable } from './databaseOutage';

/** A router whose one route fails with `error`, behind Backstage's error handler. */
function appFailingWith(error: Error) {
  const router = Router();
  router.get('/runs', async () => {
    throw error;
  });
  router.use(databaseOutageAs503);
  const app = express();
  app.use(router);
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return app;
}

const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), {
  code: 'ECONNREFUSED',
});

describe('databaseOutageAs503', () => {
  it('answers 503, without the database address, when the database is down', async () => {
    const res = await request(appFailingWith(refused)).get('/runs');
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: 'The pipelines database is unavailable; try again shortly',
    });
    expect(JSON.stringify(res.body)).not.toContain('10.0.0.7');
  });

  it('leaves other errors as they were', async () => {
    const res = await request(appFailingWith(new Error('a bug'))).get('/runs');
    expect(res.status).toBe(500);
  });

  it.each([
    ['a refused connection', refused],
    [
      'a server shutting down',
      Object.assign(
        new Error('terminating connection due to administrator command'),
        {
          code: '57P01',
        },
      ),
    ],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    [
      'an exhausted pool',
      Object.assign(new Error('Timeout acquiring a connection.'), {
        name: 'KnexTimeoutError',
      }),
    ],
  ])('recognises %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('does not take a query error for an outage', () => {
    const syntax = Object.assign(new Error('syntax error at or near "FROM"'), {
      code: '42601',
    });
    expect(isDatabaseUnavailable(syntax)).toBe(false);
  });
});
