#!/usr/bin/env bash
# Backs up the portal's PostgreSQL database (every plugin's schema) into one
# file in pg_dump's custom format, which pg_restore reads selectively and in
# parallel. The dump is a consistent snapshot as of the moment it starts:
# the replicas keep running and writing meanwhile.
#
#   scripts/db-backup.sh DATABASE FILE
#
# The server and credentials come from libpq's environment: PGHOST, PGPORT,
# PGUSER and PGPASSWORD (or ~/.pgpass, or PGSERVICE), never the command
# line, where other users of the machine could read them. FINOPS_PG_BIN
# names the PostgreSQL binaries to use (pg_dump must be at least as new as
# the server); by default those on PATH.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 DATABASE FILE" >&2
  exit 2
fi
database="$1"
file="$2"
bin="${FINOPS_PG_BIN:+$FINOPS_PG_BIN/}"

start=$(date +%s%N)
# Written beside the target and renamed, so a failed dump never leaves a
# file that looks like a backup.
"${bin}pg_dump" --format=custom --compress=6 --no-password \
  --file="$file.partial" --dbname="$database"
mv -f "$file.partial" "$file"
ms=$((($(date +%s%N) - start) / 1000000))
printf 'backed up %s to %s (%s bytes) in %d ms\n' "$database" "$file" \
  "$(wc -c <"$file")" "$ms"
