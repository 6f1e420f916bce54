import { Attributes, Meter } from '@opentelemetry/api';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import {
  httpRequestMetrics,
  OVERFLOW_ROUTE,
  ROOT_PLUGIN,
  UNMATCHED_ROUTE,
} from './httpRequestMetrics';

/** A meter that keeps what the histogram records. */
function recordingMeter() {
  const records: Array<{ value: number; attributes: Attributes }> = [];
  const meter = {
    createHistogram: () => ({
      record: (value: number, attributes: Attributes = {}) =>
        records.push({ value, attributes }),
    }),
  } as unknown as Meter;
  return { meter, records };
}

/** The root router's shape: /api/<plugin> mounts, then 404 and errors. */
function backend(meter: Meter, maxRoutesPerPlugin?: number) {
  const app = express();
  app.use(httpRequestMetrics({ meter, maxRoutesPerPlugin }));

  const pipelines = Router();
  pipelines.use((req, res, next) => {
    if (req.header('authorization') === 'Bearer no') {
      res.status(401).json({ error: 'no' });
      return;
    }
    next();
  });
  pipelines.get('/entities/:ref/runs', async (_req, res) => {
    res.json({ runs: [] });
  });
  pipelines.post('/entities/:ref/deploy', async () => {
    throw new Error('deploy target unreachable');
  });
  const nested = Router();
  nested.get('/items/:id', async (_req, res) => {
    res.json({});
  });
  pipelines.use('/groups/:group', nested);

  app.use('/api/pipelines', pipelines);
  app.get('/.backstage/health/v1/readiness', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use((_req, res) => {
    res.status(404).json({});
  });
  app.use(
    (
      _error: Error,
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res.status(500).json({});
    },
  );
  return app;
}

async function settle() {
  await new Promise(resolve => setImmediate(resolve));
}

describe('httpRequestMetrics', () => {
  it('labels requests with the plugin and the route template, not the URL', async () => {
    const { meter, records } = recordingMeter();
    const app = backend(meter);

    await request(app).get(
      '/api/pipelines/entities/component:default%2Fa/runs',
    );
    await request(app).get(
      '/API/Pipelines/entities/component:default%2Fb/runs',
    );
    await settle();

    expect(records.map(r => r.attributes)).toEqual([
      {
        plugin: 'pipelines',
        'http.route': '/api/pipelines/entities/:ref/runs',
        'http.request.method': 'GET',
        'http.response.status_code': 200,
      },
      {
        plugin: 'pipelines',
        'http.route': '/api/pipelines/entities/:ref/runs',
        'http.request.method': 'GET',
        'http.response.status_code': 200,
      },
    ]);
    for (const { value } of records) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(5);
    }
  });

  it('keeps the route of a handler that failed, with the error status', async () => {
    const { meter, records } = recordingMeter();
    await request(backend(meter)).post('/api/pipelines/entities/x/deploy');
    await settle();
    expect(records[0].attributes).toMatchObject({
      plugin: 'pipelines',
      'http.route': '/api/pipelines/entities/:ref/deploy',
      'http.response.status_code': 500,
    });
  });

  it('names refusals before routing and unknown paths without their URL', async () => {
    const { meter, records } = recordingMeter();
    const app = backend(meter);
    await request(app)
      .get('/api/pipelines/entities/x/runs')
      .set('authorization', 'Bearer no');
    await request(app).get('/api/pipelines/no/such/route');
    await request(app).get('/no/such/page');
    await request(app).get('/.backstage/health/v1/readiness');
    await request(app).get('/api/pipelines/entities/x/runs').set('x', 'y');
    await settle();
    expect(
      records.map(r => [
        r.attributes.plugin,
        r.attributes['http.route'],
        r.attributes['http.response.status_code'],
      ]),
    ).toEqual([
      ['pipelines', UNMATCHED_ROUTE, 401],
      ['pipelines', UNMATCHED_ROUTE, 404],
      [ROOT_PLUGIN, UNMATCHED_ROUTE, 404],
      [ROOT_PLUGIN, '/.backstage/health/v1/readiness', 200],
      ['pipelines', '/api/pipelines/entities/:ref/runs', 200],
    ]);
  });

  it('caps the routes of a plugin whose mount path has parameters', async () => {
    const { meter, records } = recordingMeter();
    const app = backend(meter, 2);
    for (const group of ['a', 'b', 'c', 'a']) {
      await request(app).get(`/api/pipelines/groups/${group}/items/1`);
    }
    await settle();
    expect(records.map(r => r.attributes['http.route'])).toEqual([
      '/api/pipelines/groups/a/items/:id',
      '/api/pipelines/groups/b/items/:id',
      OVERFLOW_ROUTE,
      '/api/pipelines/groups/a/items/:id',
    ]);
  });

  it('folds unknown methods into _OTHER', async () => {
    const { meter, records } = recordingMeter();
    await request(backend(meter)).merge('/api/pipelines/entities/x/runs');
    await settle();
    expect(records[0].attributes['http.request.method']).toBe('_OTHER');
  });
});
