#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs (Node 24,
# dependencies, PostgreSQL and Chromium when missing), then runs static
# checks, unit tests, the backend against SQLite and PostgreSQL, and the
# browser end-to-end tests against the built app.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"
source "$FINOPS_ROOT/scripts/lib/postgres.sh"
source "$FINOPS_ROOT/scripts/lib/chromium.sh"
source "$FINOPS_ROOT/scripts/lib/opa.sh"
source "$FINOPS_ROOT/scripts/lib/observability.sh"
cd "$FINOPS_ROOT"

passed=0
failed=0
failures=()
# Each stage's output also goes to .local/test-stages/, so that the end of
# the run can repeat what failed: a CI excerpt shows only the last lines.
STAGE_LOGS="$FINOPS_ROOT/.local/test-stages"
rm -rf "$STAGE_LOGS" && mkdir -p "$STAGE_LOGS"
failed_logs=()
stage() {
  local name="$1"
  shift
  finops_log "── $name"
  local start=$SECONDS log
  log="$STAGE_LOGS/$(printf '%02d' $((passed + failed + 1))).log"
  if "$@" 2>&1 | tee "$log"; then
    passed=$((passed + 1))
    finops_log "✔ $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    failed_logs+=("$log")
    finops_log "✘ $name ($((SECONDS - start)) s)"
  fi
}
# The first failure a stage reported, with what follows it (Playwright's
# "1) …" block, else Jest's "●", else a ✘, FAIL or error line), then the
# stage's last lines.
failure_excerpt() {
  local plain first="" pattern
  plain="$(sed 's/\x1b\[[0-9;]*m//g' "$1")"
  for pattern in '^ +1\) ' '^ *● ' '✘|FAIL|Error:'; do
    first="$(grep -n -m1 -E "$pattern" <<<"$plain" | cut -d: -f1 || true)"
    [ -n "$first" ] && break
  done
  if [ -n "$first" ]; then
    sed -n "${first},$((first + 24))p" <<<"$plain"
    echo "  …"
  fi
  tail -n 12 <<<"$plain"
}
finish() {
  finops_postgres_stop
  echo
  # Tests that passed only when retried, as Playwright lists them.
  local flaky
  flaky="$(sed 's/\x1b\[[0-9;]*m//g' "$STAGE_LOGS"/*.log 2>/dev/null |
    awk '/^ +[0-9]+ flaky$/ { on = 1; next } on && /^ +\[/ { print; next } { on = 0 }' || true)"
  if [ -n "$flaky" ]; then
    finops_log "── passed only when retried (flaky):"
    echo "$flaky"
  fi
  if [ "$failed" -gt 0 ]; then
    local i
    for i in "${!failed_logs[@]}"; do
      finops_log "── what failed in: ${failures[$i]}"
      failure_excerpt "${failed_logs[$i]}" | cut -c1-300
    done
    finops_log "failed stages: ${failures[*]}"
  fi
  echo "stages: $passed passed, $failed failed"
}
trap finish EXIT

finops_bootstrap
finops_yarn_install
export CI=true

stage "types (tsc)" yarn tsc
stage "types of the benchmarks (tsc -p bench)" yarn tsc -p bench
stage "lint" yarn lint:all
stage "format (prettier)" yarn prettier:check
stage "package metadata (repo fix --publish)" scripts/lib/check-package-metadata.sh
stage "config schema (local)" yarn backstage-cli config:check --config app-config.yaml
# --lax: production values come from environment variables set at deploy time.
stage "config schema (production)" yarn backstage-cli config:check --lax \
  --config app-config.yaml --config app-config.production.yaml

# The real opa command, built from the Go module proxy once (tools/opa).
finops_ensure_opa
stage "policies (opa check, fmt, test with coverage)" scripts/lib/policy-checks.sh
stage "policy bundle matches policies/" scripts/lib/build-policy-bundle.sh --check
# Each golden-path service template generated and built, linted and tested
# with its own toolchain (npm, pip/pytest, Go), as its CI would.
stage "golden-path templates (generate, build, test, lint)" scripts/lib/templates-check.sh
# The Helm chart rendered with several value sets, validated against the
# Kubernetes schemas, the restricted Pod Security Standard and our policy.
stage "deployment chart (render, Kubernetes schemas, policy)" scripts/lib/deploy-check.sh

finops_postgres_start
# Real Prometheus and Alertmanager for the health backend's tests.
finops_ensure_observability
stage "unit and database tests (SQLite, PostgreSQL, evaluators vs opa)" yarn test

finops_ensure_chromium
stage "build app" yarn workspace app build
stage "end-to-end (backend on SQLite and PostgreSQL, browser)" yarn test:e2e
stage "hardening (replicas, backup and restore, faults)" yarn test:hardening
# Every route of the load benchmark answers under a little load (the full
# benchmark, bench/load/run.sh, is run by hand: targets live there).
stage "load benchmark smoke (bench/load --smoke)" bench/load/run.sh --smoke

# Last: its leak scan reads what every stage before it left in .local/.
stage "security (fuzz, unauthenticated sweep, webhooks, leak scan)" scripts/lib/security-checks.sh

[ "$failed" -eq 0 ]
