import { DECISION_POINTS } from '@finops/plugin-policy-common';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { canonicalJson } from '../canonicalJson';
import { opaBinary, startOpaServer, TestOpaServer } from '../testUtils';
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

describe('the embedded evaluator, the OPA server and the opa command', () => {
  let opaServer: TestOpaServer;
  let server: OpaServerPolicyEvaluator;
  let embedded: WasmPolicyEvaluator;

  beforeAll(async () => {
    opaServer = await startOpaServer([POLICIES]);
    const { baseUrl } = opaServer;
    server = new OpaServerPolicyEvaluator({ baseUrl });
    embedded = await WasmPolicyEvaluator.fromFiles(EMBEDDED_BUNDLE);
  }, 30_000);

  afterAll(() => {
    opaServer?.stop();
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
    for (const point of DECISION_POINTS) {
      const answers = cases
        .filter(c => c.point === point)
        .map(c => opaEval(point, c.input).allow);
      expect(answers).toContain(true);
      expect(answers).toContain(false);
    }
  });

  it('declare the same rules, and leave them out of decisions', async () => {
    for (const point of DECISION_POINTS) {
      const reference = opaEval(point, {}).rules;
      const asked = { rules: true };
      expect(await embedded.evaluate(point, {}, asked)).toMatchObject({
        rules: reference,
      });
      expect(await server.evaluate(point, {}, asked)).toMatchObject({
        rules: reference,
      });
      expect(await embedded.evaluate(point, {})).not.toHaveProperty('rules');
    }
  });

  it('report the same policy revision', async () => {
    expect(await server.revision()).toBe(await embedded.revision());
  });
});
