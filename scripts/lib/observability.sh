# Real Prometheus and Alertmanager for the health tests: Debian's packages,
# installed when missing (as root), never started as services. Exports
# FINOPS_PROMETHEUS and FINOPS_ALERTMANAGER with the binaries' paths; the
# tests start their own processes on free ports in temporary directories.

finops_observability_bins() {
  FINOPS_PROMETHEUS="$(command -v prometheus || true)"
  FINOPS_ALERTMANAGER="$(command -v prometheus-alertmanager || command -v alertmanager || true)"
  [ -n "$FINOPS_PROMETHEUS" ] && [ -n "$FINOPS_ALERTMANAGER" ]
}

finops_ensure_observability() {
  if ! finops_observability_bins; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      finops_log "installing Debian's prometheus and prometheus-alertmanager packages"
      # The packages would start their services: a policy-rc.d that says no.
      local policy=/usr/sbin/policy-rc.d created=""
      if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created=1
      fi
      apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
          prometheus prometheus-alertmanager >/dev/null
      local status=$?
      [ -n "$created" ] && rm -f "$policy"
      [ "$status" = 0 ] || return 1
    else
      finops_log "Prometheus and Alertmanager are needed: install the prometheus and prometheus-alertmanager packages"
      return 1
    fi
    finops_observability_bins || return 1
  fi
  export FINOPS_PROMETHEUS FINOPS_ALERTMANAGER
  finops_log "Prometheus $("$FINOPS_PROMETHEUS" --version 2>&1 | awk 'NR==1{print $3}') and Alertmanager $("$FINOPS_ALERTMANAGER" --version 2>&1 | awk 'NR==1{print $3}')"
}
