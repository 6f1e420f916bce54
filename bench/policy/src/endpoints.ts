/*
 * The two HTTP APIs under load, each with a check of its answer against the
 * decision `opa eval` gives for the same input, so that an endpoint that
 * fails, or answers something else, is reported instead of looking fast.
 */
import { LoadTarget } from './loadGenerator';
import { ExpectedDecision, ruleIds } from './opa';
import { PolicyBackend } from './policyBackend';

/** OPA answers `{ result: <the whole package document> }`. */
export function opaRestTarget(
  baseUrl: string,
  input: object,
  expected: ExpectedDecision,
): LoadTarget {
  return {
    url: `${baseUrl}/v1/data/finops/catalog`,
    headers: {},
    body: JSON.stringify({ input }),
    check: body => checkDecision(JSON.parse(body).result, expected),
  };
}

/** Our endpoint answers `{ decisionPoint, allow, violations, excepted, revision }`. */
export function ourTarget(
  backend: PolicyBackend,
  input: object,
  expected: ExpectedDecision,
): LoadTarget {
  return {
    url: `${backend.url}/api/policy/decisions/catalog`,
    headers: { authorization: `Bearer ${backend.token}` },
    body: JSON.stringify({ input }),
    check: body => checkDecision(JSON.parse(body), expected),
  };
}

function checkDecision(
  decision:
    | { allow?: unknown; violations?: Array<{ rule: string }> }
    | undefined,
  expected: ExpectedDecision,
) {
  const rules = ruleIds(decision?.violations ?? []);
  if (decision?.allow !== expected.allow || rules !== expected.rules) {
    // The embedded evaluator runs the committed Wasm build, OPA the sources.
    throw new Error(
      `expected allow=${expected.allow} [${expected.rules}], got allow=${decision?.allow} [${rules}]` +
        ' (if only (c) differs: scripts/lib/build-policy-bundle.sh --check)',
    );
  }
}

/**
 * Every decision is written to the decision log, which is part of what (c)
 * and (d) cost; say whether the benchmark's decisions are there. Read as
 * text, not by field, so that a change of the list API's shape makes this
 * note vaguer instead of failing the run.
 */
export async function decisionLogNote(backend: PolicyBackend): Promise<string> {
  try {
    const res = await fetch(
      `${backend.url}/api/policy/decisions?decisionPoint=catalog&limit=1`,
      { headers: { authorization: `Bearer ${backend.token}` } },
    );
    const text = await res.text();
    return res.ok && text.includes('"actor":"bench"')
      ? "the newest catalog decision in the log of (c) is the benchmark's"
      : `NOT CONFIRMED that (c) logged its decisions (HTTP ${res.status})`;
  } catch (error) {
    return `NOT CONFIRMED that (c) logged its decisions: ${error}`;
  }
}
