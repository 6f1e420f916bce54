# shellcheck shell=bash
# Sourced by scripts/test.sh: the e2e tests drive Debian's Chromium through
# playwright-core. Playwright's own browser download cannot work here, so the
# test command installs the Debian package when it is missing (as root).
finops_ensure_chromium() {
  export FINOPS_CHROMIUM="${FINOPS_CHROMIUM:-/usr/bin/chromium}"
  [ -x "$FINOPS_CHROMIUM" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    finops_log "installing Debian's chromium for the end-to-end tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    finops_log "Chromium not found at $FINOPS_CHROMIUM: install Debian's chromium package or set FINOPS_CHROMIUM"
    return 1
  fi
}
