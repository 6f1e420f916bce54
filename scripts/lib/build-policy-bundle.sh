#!/usr/bin/env bash
# Compiles policies/ to Wasm for the embedded evaluator and writes
# plugins/policy-node/assets/{policy.wasm,manifest.json}. Committed, so a
# newcomer needs no Go; `--check` fails when the committed build is stale.
set -euo pipefail
source "$(dirname "$0")/../bootstrap.sh"
source "$FINOPS_ROOT/scripts/lib/opa.sh"
cd "$FINOPS_ROOT"
finops_ensure_node
finops_ensure_opa

assets="plugins/policy-node/assets"
entrypoints=()
for point in catalog scaffolder deploy secrets; do
  entrypoints+=("finops/$point/allow" "finops/$point/violations" "finops/$point/excepted" "finops/$point/rules")
done
entrypoints+=(finops/permission/allow finops/permission/decision finops/permission/rules)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
opa build -t wasm --ignore '*_test.rego' $(printf -- '-e %s ' "${entrypoints[@]}") \
  -o "$work/bundle.tar.gz" policies/
tar -xzOf "$work/bundle.tar.gz" /policy.wasm 2>/dev/null >"$work/policy.wasm"
# The revision is computed the way the evaluators compute it.
FINOPS_ENTRYPOINTS="${entrypoints[*]}" node -e '
  const { readFileSync, readdirSync } = require("node:fs");
  const { join } = require("node:path");
  const { policyRevision } = require("./plugins/policy-node/src/evaluators/revision.ts");
  const modules = readdirSync("policies", { recursive: true })
    .filter(f => f.endsWith(".rego") && !f.endsWith("_test.rego"))
    .sort()
    .map(f => ({ path: f, raw: readFileSync(join("policies", f), "utf8") }));
  const manifest = {
    revision: policyRevision(modules.map(m => m.raw)),
    entrypoints: process.env.FINOPS_ENTRYPOINTS.split(" "),
    modules,
  };
  process.stdout.write(JSON.stringify(manifest, null, 2) + "\n");
' >"$work/manifest.json"

if [ "${1:-}" = "--check" ]; then
  if cmp -s "$work/policy.wasm" "$assets/policy.wasm" &&
    cmp -s "$work/manifest.json" "$assets/manifest.json"; then
    finops_log "committed policy bundle matches policies/ ($(node -p 'require("./'"$assets"'/manifest.json").revision'))"
    exit 0
  fi
  finops_log "the committed policy bundle is stale: run scripts/lib/build-policy-bundle.sh and commit $assets"
  exit 1
fi
mkdir -p "$assets"
install -m 0644 "$work/policy.wasm" "$work/manifest.json" "$assets/"
finops_log "wrote $assets (revision $(node -p 'require("./'"$assets"'/manifest.json").revision'))"
