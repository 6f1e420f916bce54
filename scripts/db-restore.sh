#!/usr/bin/env bash
# Restores a backup taken by scripts/db-backup.sh into a NEW database, which
# the portal is then pointed at (docs/operations.md, "Database backups").
# Restoring beside the damaged database, instead of over it, keeps the
# damaged one for investigation and makes the step safe to repeat.
#
#   scripts/db-restore.sh FILE NEW_DATABASE
#
# The server and credentials come from libpq's environment (PGHOST, PGPORT,
# PGUSER, PGPASSWORD or ~/.pgpass); FINOPS_PG_BIN names the binaries, as
# for db-backup.sh. Objects are restored without their original owner, so
# the restoring user owns them: run it as the portal's database user.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 FILE NEW_DATABASE" >&2
  exit 2
fi
file="$1"
database="$2"
bin="${FINOPS_PG_BIN:+$FINOPS_PG_BIN/}"

[ -r "$file" ] || { echo "cannot read $file" >&2; exit 1; }
start=$(date +%s%N)
"${bin}createdb" --no-password "$database"
# One transaction: a restore that fails part way leaves an empty database,
# never a partial one the portal could start on.
"${bin}pg_restore" --no-owner --no-privileges --exit-on-error \
  --single-transaction --no-password --dbname="$database" "$file"
# Fresh planner statistics, or the first queries after a restore are slow.
"${bin}psql" --no-password --quiet --dbname="$database" -c 'ANALYZE' >/dev/null
ms=$((($(date +%s%N) - start) / 1000000))
printf 'restored %s into %s in %d ms\n' "$file" "$database" "$ms"
