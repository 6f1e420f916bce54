#!/usr/bin/env bash
# Installs what is needed and starts the portal locally: the frontend dev
# server and the backend, embedded SQLite, the example catalog and guest
# sign-in. Stop it with Ctrl-C.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"
cd "$FINOPS_ROOT"

finops_bootstrap
finops_yarn_install
mkdir -p "$FINOPS_ROOT/.local/sqlite" "$FINOPS_ROOT/.local/techdocs"

cat <<MSG

  FinOps Platform is starting (the first build takes a minute or two).
  Open http://localhost:3000 and choose "Enter" to sign in as guest.
  The backend listens on http://localhost:7007.

MSG
exec yarn start "$@"
