/**
 * Test helpers for code that decides with the policies: a real OPA server
 * started from the `opa` binary the test command builds (FINOPS_OPA), and
 * decisions by the embedded evaluator, recorded.
 *
 * @packageDocumentation
 */
import type {
  DecisionPoint,
  PolicyDecision,
} from '@finops/plugin-policy-common';
import { spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { decideWith, EMBEDDED_BUNDLE, WasmPolicyEvaluator } from './index';
import type { PolicyService } from './index';

/** The `opa` binary scripts/test.sh builds from tools/opa. */
export function opaBinary(): string {
  const opa = process.env.FINOPS_OPA;
  if (!opa) {
    throw new Error(
      'FINOPS_OPA is not set: run the suite through scripts/test.sh, which builds opa',
    );
  }
  return opa;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise(r => server.close(r));
  return port;
}

export interface TestOpaServer {
  baseUrl: string;
  stop(): void;
}

/** Starts `opa run --server` on a free port with these policy folders. */
export async function startOpaServer(paths: string[]): Promise<TestOpaServer> {
  const port = await freePort();
  const child = spawn(
    opaBinary(),
    [
      'run',
      '--server',
      '--addr',
      `127.0.0.1:${port}`,
      '--log-level',
      'error',
      ...paths,
    ],
    { stdio: 'ignore' },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${baseUrl}/health`).then(
      r => r.ok,
      () => false,
    );
    if (ok) return { baseUrl, stop: () => child.kill() };
    await new Promise(r => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`opa run --server did not become healthy on ${baseUrl}`);
}

/** One decision {@link embeddedPolicyDecisions} made. */
export interface RecordedDecision {
  point: DecisionPoint;
  input: any;
  allow: boolean;
  decision: PolicyDecision;
}

/**
 * `PolicyService.decide` with the real policies (the committed Wasm build of
 * policies/, as the policy backend's embedded evaluator runs it), minus the
 * HTTP hop and the decision log: every decision is kept in `decided`, so a
 * test can assert on the input a caller built (or scan it for a leak).
 */
export async function embeddedPolicyDecisions(): Promise<
  Pick<PolicyService, 'decide'> & { decided: RecordedDecision[] }
> {
  const evaluator = await WasmPolicyEvaluator.fromFiles(EMBEDDED_BUNDLE);
  const decided: RecordedDecision[] = [];
  return {
    decided,
    async decide(point, input) {
      const decision = await decideWith(evaluator, point, input);
      decided.push({ point, input, allow: decision.allow, decision });
      return decision;
    },
  };
}
