#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The security suite (yarn test:security, packages/backend/security-tests),
# run by scripts/test.sh after the end-to-end and hardening stages:
#
#   - every custom route of every plugin fuzzed from its OpenAPI spec by
#     schemathesis against a real backend on PostgreSQL (no 5xx, responses
#     in their documented schema and status codes);
#   - every route requested without credentials: only the allowlisted ones
#     answer;
#   - hostile GitHub webhook deliveries (size, JSON, content type,
#     signatures, replays);
#   - the leak scan: the secrets every suite planted, looked for in all the
#     logs, responses, task logs and databases the suites left in .local/.
#
# schemathesis comes from PyPI (tools/fuzz/requirements.txt, every package
# pinned) into the git-ignored .tools/fuzz-venv, installed again only when
# the pin file changes. Without FINOPS_TEST_POSTGRES_URL a private
# PostgreSQL is started for the run. Extra arguments go to Playwright.
#
#   FINOPS_FUZZ_MAX_EXAMPLES, FINOPS_FUZZ_SEED: dig deeper, or elsewhere.
set -euo pipefail
# shellcheck source=../bootstrap.sh
source "$(dirname "$0")/../bootstrap.sh"
# shellcheck source=python-tools.sh
source "$FINOPS_ROOT/scripts/lib/python-tools.sh"
# shellcheck source=postgres.sh
source "$FINOPS_ROOT/scripts/lib/postgres.sh"
# shellcheck source=observability.sh
source "$FINOPS_ROOT/scripts/lib/observability.sh"
cd "$FINOPS_ROOT"

finops_bootstrap >&2
finops_ensure_python_tools "$FINOPS_TOOLS/fuzz-venv" "$FINOPS_ROOT/tools/fuzz/requirements.txt" schemathesis
export FINOPS_FUZZ_VENV="$FINOPS_TOOLS/fuzz-venv"

if [ -z "${FINOPS_TEST_POSTGRES_URL:-}" ]; then
  finops_postgres_start
  trap finops_postgres_stop EXIT
fi
# The pg_dump of the server's own version, when the binaries are known.
if [ -z "${FINOPS_PG_DUMP:-}" ] && pg_bin="$(finops_postgres_bindir 2>/dev/null)"; then
  export FINOPS_PG_DUMP="$pg_bin/pg_dump"
fi
finops_ensure_observability

yarn test:security "$@"
