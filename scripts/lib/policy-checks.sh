#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The policy stage of the test suite, with the real opa built from
# tools/opa: policies/ compile in strict mode, stay within the builtins the
# embedded Wasm evaluator runs, are formatted the way `opa fmt` writes them,
# and pass their tests with at least FINOPS_POLICY_COVERAGE percent coverage.
set -euo pipefail
# shellcheck source=../bootstrap.sh
source "$(dirname "$0")/../bootstrap.sh"
# shellcheck source=./opa.sh
source "$FINOPS_ROOT/scripts/lib/opa.sh"
cd "$FINOPS_ROOT"
finops_ensure_opa

threshold="${FINOPS_POLICY_COVERAGE:-90}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

opa check --strict policies/

# The Wasm SDK lists the builtins it can run. Those it implements in
# JavaScript rather than in the compiled module (sprintf, yaml.*, ...) may
# answer differently from the OPA server, so they are left out too.
sdk_capabilities=""
for candidate in node_modules/@open-policy-agent/opa-wasm/capabilities.json \
  plugins/policy-node/node_modules/@open-policy-agent/opa-wasm/capabilities.json; do
  [ -f "$candidate" ] && { sdk_capabilities="$candidate"; break; }
done
if [ -n "$sdk_capabilities" ]; then
  mkdir -p "$work/caps/current" "$work/caps/sdk"
  opa capabilities --current >"$work/caps/current/data.json"
  cp "$sdk_capabilities" "$work/caps/sdk/data.json"
  opa eval --format raw --data "$work/caps" 'json.marshal(object.union(data.current, {"builtins": [b |
    some b in data.current.builtins
    b.name in {s.name | some s in data.sdk.builtins}
    not b.name in {"sprintf", "json.is_valid", "regex.split", "yaml.is_valid", "yaml.marshal", "yaml.unmarshal"}
  ]}))' >"$work/wasm-capabilities.json"
  opa check --strict --capabilities "$work/wasm-capabilities.json" policies/ || {
    finops_log "policies/ use a builtin the embedded evaluator cannot run natively in Wasm (see policies/README.md)"
    exit 1
  }
else
  finops_log "the Wasm SDK is not installed (yarn install): skipped the check of builtins against it"
fi

unformatted="$(opa fmt --list policies/)"
if [ -n "$unformatted" ]; then
  finops_log "not formatted the way opa fmt writes them (run: opa fmt --write policies/):"
  printf '%s\n' "$unformatted" >&2
  exit 1
fi

# With --coverage, opa test prints failing tests in its usual format and a
# coverage shortfall only as a number; the uncovered lines come from a
# second run without the threshold.
if ! opa test policies/ --coverage --threshold "$threshold" --format json \
  >"$work/coverage.json" 2>"$work/test.err"; then
  cat "$work/coverage.json" "$work/test.err" >&2
  if opa test policies/ --coverage --format json >"$work/coverage.json" 2>/dev/null; then
    finops_log "lines of policies/ that no test reaches:"
    opa eval --format raw --input "$work/coverage.json" 'concat("\n", sort({concat("", [file, ":", format_int(r.start.row, 10), "-", format_int(r.end.row, 10)]) |
      some file, report in input.files
      some r in report.not_covered
    }))' >&2
  fi
  exit 1
fi
coverage="$(opa eval --format raw --input "$work/coverage.json" 'input.coverage')"
echo "policy test coverage: ${coverage}% (threshold ${threshold}%)"
