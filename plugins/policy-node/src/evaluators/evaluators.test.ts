import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer, AddressInfo } from 'node:net';
import { join } from 'node:path';
import { canonicalJson } from '../canonicalJson';
import { EMBEDDED_BUNDLE } from '../createPolicyEvaluator';
import { decisionCases, REPO_ROOT } from './__testUtils__/decisionCases';
import { OpaServerPolicyEvaluator } from './OpaServerPolicyEvaluator';
import { PolicyDocument } from './types';
import { WasmPolicyEvaluator } from './WasmPolicyEvaluator';

const POLICIES = join(REPO_ROOT, 'policies');
const cases = decisionCases();

/** The parts of a decision point's document that callers rely on. */
function contract(document: PolicyDocument) {
  const sorted = (v: unknown) =>
    Array.isArray(v) ? v.map(canonicalJson).sort() : canonicalJson(v ?? null);
  return {
    allow: document.allow,
    violations: sorted(document.violations ?? []),
    excepted: sorted(document.excepted ?? []),
    decision: document.decision ?? null,
  };
}

function opaBinary(): string {
  const opa = process.env.FINOPS_OPA;
  if (!opa) {
    throw new Error(
      'FINOPS_OPA is not set: run the suite through scripts/test.sh, which builds opa',
    );
  }
  return opa;
}

/** The `opa` command's answer, the reference the evaluators must match. */
function opaEval(point: string, input: unknown): PolicyDocument {
  const run = spawnSync(
    opaBinary(),
    [
      'eval',
      '--format',
      'json',
      '--data',
      POLICIES,
      '--stdin-input',
      `data.finops.${point}`,
    ],
    { input: JSON.stringify(input), encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`opa eval failed: ${run.stderr}`);
  return JSON.parse(run.stdout).result[0].expressions[0].value;
}

async function freePort() {
  const server = createServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise(r => server.close(r));
  return port;
}

describe('the embedded evaluator, the OPA server and the opa command', () => {
  let opaServer: ChildProcess;
  let server: OpaServerPolicyEvaluator;
  let embedded: WasmPolicyEvaluator;

  beforeAll(async () => {
    const port = await freePort();
    opaServer = spawn(
      opaBinary(),
      [
        'run',
        '--server',
        '--addr',
        `127.0.0.1:${port}`,
        '--log-level',
        'error',
        POLICIES,
      ],
      { stdio: 'ignore' },
    );
    const baseUrl = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`${baseUrl}/health`).then(
        r => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise(r => setTimeout(r, 100));
    }
    server = new OpaServerPolicyEvaluator({ baseUrl });
    embedded = await WasmPolicyEvaluator.fromFiles(EMBEDDED_BUNDLE);
  }, 30_000);

  afterAll(() => {
    opaServer?.kill();
  });

  it.each(cases.map(c => [c.name, c] as const))(
    'agree on %s',
    async (_name, { point, input }) => {
      const reference = contract(opaEval(point, input));
      expect(contract(await embedded.evaluate(point, input))).toEqual(
        reference,
      );
      expect(contract(await server.evaluate(point, input))).toEqual(reference);
    },
  );

  it('has cases that pass and cases that fail at every decision point', () => {
    for (const point of ['catalog', 'scaffolder', 'deploy', 'permission']) {
      const answers = cases
        .filter(c => c.point === point)
        .map(c => opaEval(point, c.input).allow);
      expect(answers).toContain(true);
      expect(answers).toContain(false);
    }
  });

  it('report the same policy revision', async () => {
    expect(await server.revision()).toBe(await embedded.revision());
  });
});
