import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { createServer } from 'node:net';
import { EMBEDDED_BUNDLE } from '../createPolicyEvaluator';
import { MeteredPolicyEvaluator } from './MeteredPolicyEvaluator';
import { OpaServerPolicyEvaluator } from './OpaServerPolicyEvaluator';
import { PolicyEvaluator } from './types';
import { WasmPolicyEvaluator } from './WasmPolicyEvaluator';

function meteredWith(evaluator: PolicyEvaluator) {
  const metrics = metricsServiceMock.mock();
  const wrapped = MeteredPolicyEvaluator.wrap(evaluator, metrics);
  const histogram = (metrics.createHistogram as jest.Mock).mock.results[0]
    .value;
  return { wrapped, metrics, record: histogram.record as jest.Mock };
}

/** A port nothing listens on: the OPA server is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise(r => server.close(r));
  return port;
}

describe('MeteredPolicyEvaluator', () => {
  it('times each decision of the embedded evaluator by decision point', async () => {
    const embedded = await WasmPolicyEvaluator.fromFiles(EMBEDDED_BUNDLE);
    const { wrapped, metrics, record } = meteredWith(embedded);

    const document = await wrapped.evaluate('deploy', {});
    expect(document).toEqual(await embedded.evaluate('deploy', {}));
    await wrapped.evaluate('catalog', { entity: {} });

    expect(metrics.createHistogram).toHaveBeenCalledWith(
      'finops.policy.evaluation.duration',
      expect.objectContaining({ unit: 's' }),
    );
    expect(record.mock.calls.map(([, attributes]) => attributes)).toEqual([
      { decision_point: 'deploy', evaluator: 'embedded', outcome: 'success' },
      { decision_point: 'catalog', evaluator: 'embedded', outcome: 'success' },
    ]);
    for (const [seconds] of record.mock.calls) {
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(5);
    }
    expect(wrapped.kind).toBe('embedded');
    expect(await wrapped.revision()).toBe(await embedded.revision());
  });

  it('records a failed evaluation as an error and still throws', async () => {
    const server = new OpaServerPolicyEvaluator({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
    });
    const { wrapped, record } = meteredWith(server);

    await expect(wrapped.evaluate('permission', {})).rejects.toThrow();

    expect(record).toHaveBeenCalledTimes(1);
    expect(record.mock.calls[0][1]).toEqual({
      decision_point: 'permission',
      evaluator: 'server',
      outcome: 'error',
    });
  });
});
