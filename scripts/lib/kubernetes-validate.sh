# shellcheck shell=bash
# Sourced after scripts/bootstrap.sh. kubernetes-validate, the Kubernetes
# JSON schemas as a PyPI wheel, pinned in tools/templates-check/requirements.txt
# and installed into the git-ignored .tools/templates-venv: the same
# virtualenv, pin file and marker as scripts/lib/templates-check.sh, so
# whichever runs first installs it for both.

FINOPS_KUBERNETES_VENV="$FINOPS_TOOLS/templates-venv"

finops_ensure_kubernetes_validate() {
  local requirements="$FINOPS_ROOT/tools/templates-check/requirements.txt"
  local marker="$FINOPS_KUBERNETES_VENV/.installed"
  if [ ! -e "$marker" ] || [ "$requirements" -nt "$marker" ]; then
    finops_log "installing kubernetes-validate (and the other templates-check tools) into .tools/templates-venv (PyPI wheels)"
    rm -rf "$FINOPS_KUBERNETES_VENV"
    python3 -m venv "$FINOPS_KUBERNETES_VENV" &&
      PIP_CACHE_DIR="$FINOPS_TOOLS/cache/pip" PIP_DISABLE_PIP_VERSION_CHECK=1 \
        "$FINOPS_KUBERNETES_VENV/bin/pip" install --quiet -r "$requirements" >&2 &&
      touch "$marker"
  fi
}

# finops_validate_kubernetes_schemas <version> <file>: every object against
# the schemas of that Kubernetes version, rejecting unknown fields. A kind
# without a schema is a failure too (only give it built-in kinds).
finops_validate_kubernetes_schemas() {
  local output
  output="$("$FINOPS_KUBERNETES_VENV/bin/kubernetes-validate" --strict -k "$1" "$2" 2>&1)" || {
    echo "$output"
    return 1
  }
  echo "$output"
  ! grep -q "Couldn't find schema" <<<"$output"
}
