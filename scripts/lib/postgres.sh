# shellcheck shell=bash
# Sourced by scripts/test.sh. Provides a real PostgreSQL for the test suite:
#   - the server in FINOPS_TEST_POSTGRES_URL when that is set;
#   - otherwise a private cluster from the installed PostgreSQL binaries, on a
#     free port in a temp directory, removed again by finops_postgres_stop;
#   - when there are no binaries and we are root on Debian (as CI is), Debian's
#     `postgresql` package is installed first.
# Exports FINOPS_TEST_POSTGRES_URL and the BACKSTAGE_TEST_DATABASE_POSTGRES*
# variables that TestDatabases reads (a PostgreSQL id without its variable is
# skipped silently, so every id points at this one server).

FINOPS_PG_DIR=""
FINOPS_PG_BIN=""

finops_postgres_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null)"
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  dir="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"
  [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  return 1
}

finops_postgres_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    finops_log "no PostgreSQL binaries found: installing Debian's postgresql package"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    finops_log "PostgreSQL is needed: install it, or set FINOPS_TEST_POSTGRES_URL to a server the tests may use"
    return 1
  fi
}

finops_free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

finops_postgres_start() {
  if [ -n "${FINOPS_TEST_POSTGRES_URL:-}" ]; then
    finops_log "using the PostgreSQL server named by FINOPS_TEST_POSTGRES_URL"
  else
    FINOPS_PG_BIN="$(finops_postgres_bindir)" || {
      finops_postgres_install && FINOPS_PG_BIN="$(finops_postgres_bindir)"
    } || return 1
    FINOPS_PG_DIR="$(mktemp -d -t finops-pg-XXXXXX)"
    local port runas=()
    port="$(finops_free_port)"
    # initdb refuses to run as root; the cluster then belongs to `postgres`.
    if [ "$(id -u)" = 0 ]; then
      id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
      chown postgres "$FINOPS_PG_DIR"
      runas=(runuser -u postgres --)
    fi
    "${runas[@]}" "$FINOPS_PG_BIN/initdb" -D "$FINOPS_PG_DIR/data" -U postgres \
      --auth=trust --no-sync -E UTF8 >"$FINOPS_PG_DIR/initdb.log" 2>&1 || {
      cat "$FINOPS_PG_DIR/initdb.log" >&2
      return 1
    }
    # fsync off: this cluster lives for one test run and is thrown away.
    "${runas[@]}" "$FINOPS_PG_BIN/pg_ctl" -D "$FINOPS_PG_DIR/data" -w -t 60 \
      -l "$FINOPS_PG_DIR/server.log" \
      -o "-p $port -k $FINOPS_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" \
      start >/dev/null || {
      cat "$FINOPS_PG_DIR/server.log" >&2
      return 1
    }
    export FINOPS_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
    finops_log "started a private PostgreSQL ($("$FINOPS_PG_BIN/postgres" --version | awk '{print $3}')) on port $port"
  fi
  local v
  for v in 13 14 15 16 17 18; do
    export "BACKSTAGE_TEST_DATABASE_POSTGRES${v}_CONNECTION_STRING=$FINOPS_TEST_POSTGRES_URL"
  done
}

finops_postgres_stop() {
  [ -n "$FINOPS_PG_DIR" ] || return 0
  local runas=()
  [ "$(id -u)" = 0 ] && runas=(runuser -u postgres --)
  "${runas[@]}" "$FINOPS_PG_BIN/pg_ctl" -D "$FINOPS_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$FINOPS_PG_DIR"
  FINOPS_PG_DIR=""
}
