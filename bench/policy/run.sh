#!/usr/bin/env bash
# bench/policy: the policy engine benchmark (see README.md). Brings the
# repo's Node and the pinned opa, then runs the TypeScript driver the way
# `backstage-cli package start` runs backends (transpiled on load).
# Flags are passed on: bench/policy/run.sh --help
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../.." && pwd)"
source "$root/scripts/bootstrap.sh"
source "$root/scripts/lib/opa.sh"
# Node and opa only: the TechDocs virtualenv of finops_bootstrap is not needed.
finops_ensure_node
finops_ensure_opa
# The decision log goes to PostgreSQL unless --db says otherwise.
db=postgres
previous=
for arg in "$@"; do
  case "$arg" in --db=*) db="${arg#--db=}" ;; esac
  [ "$previous" = --db ] && db="$arg"
  previous="$arg"
done
if [ "$db" = postgres ]; then
  source "$root/scripts/lib/postgres.sh"
  finops_postgres_start
  trap finops_postgres_stop EXIT
fi
transform="$root/node_modules/@backstage/cli-node/config/nodeTransform.cjs"
if [ ! -f "$transform" ]; then
  finops_log "node_modules is missing: run yarn install first"
  exit 2
fi
cd "$bench_dir"
node --require "$transform" src/main.ts "$@"
