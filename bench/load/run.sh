#!/usr/bin/env bash
# bench/load: the portal's read and write routes under rising load against
# the whole backend on PostgreSQL, with the stock catalog route as the
# anchor (see README.md). Brings the repo's Node, the real Prometheus and
# Alertmanager, and a private PostgreSQL, then runs the TypeScript driver
# the way `backstage-cli package start` runs backends (transpiled on load).
# Flags are passed on: bench/load/run.sh --help
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../.." && pwd)"
source "$root/scripts/bootstrap.sh"
# Node only: the TechDocs virtualenv of finops_bootstrap is not needed.
finops_ensure_node
transform="$root/node_modules/@backstage/cli-node/config/nodeTransform.cjs"
if [ ! -f "$transform" ]; then
  finops_log "node_modules is missing: run yarn install first"
  exit 2
fi
cd "$bench_dir"
for arg in "$@"; do
  case "$arg" in -h | --help) exec node --require "$transform" src/main.ts --help ;; esac
done
source "$root/scripts/lib/observability.sh"
finops_ensure_observability
# The server in FINOPS_TEST_POSTGRES_URL if set, else a private one.
source "$root/scripts/lib/postgres.sh"
finops_postgres_start
trap finops_postgres_stop EXIT
node --require "$transform" src/main.ts "$@"
