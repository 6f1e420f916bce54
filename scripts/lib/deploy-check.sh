#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The deployment check: the Helm chart in deploy/finops-platform rendered with
# several value sets (defaults; deploy/values/production.yaml with the OPA
# sidecar; deploy/check/values/hpa-off.yaml) and each rendering
#   - linted (helm lint --strict),
#   - validated against the Kubernetes 1.30 schemas (kubernetes-validate,
#     strict) and the ServiceMonitor against the prometheus-operator schema,
#   - held to the production properties (deploy/check/policy.mjs) and to the
#     restricted Pod Security Standard (deploy/check/pss, the PSA library),
#   - with its OPA sidecar run by the real opa on a bundle of policies/.
# Then what the chart assumes of the repository (Dockerfile, CMD, plugins,
# OPA release), that a configuration change rolls the pods, that the backend
# reads the chart's app-config as meant, and the negative tests: every
# deploy/check/values/bad-*.yaml must fail where its `# expect` line says.
#
#   scripts/lib/deploy-check.sh
#
# Tools, each installed once into the git-ignored .tools/: helm built through
# the Go module proxy (HELM_VERSION below), the checker's npm packages
# (deploy/check/package-lock.json), kubernetes-validate from PyPI
# (scripts/lib/kubernetes-validate.sh), opa (scripts/lib/opa.sh), and the
# Pod Security Standards evaluator built from deploy/check/pss/go.mod.
set -euo pipefail
# shellcheck source=../bootstrap.sh
source "$(dirname "$0")/../bootstrap.sh"
# shellcheck source=opa.sh
source "$FINOPS_ROOT/scripts/lib/opa.sh"
# shellcheck source=kubernetes-validate.sh
source "$FINOPS_ROOT/scripts/lib/kubernetes-validate.sh"
cd "$FINOPS_ROOT"

HELM_VERSION=v4.3.1
KUBERNETES_VERSION=1.30.0
PSS_VERSION=v1.30
CHART=deploy/finops-platform
CHECK=deploy/check
HELM_DIR="$FINOPS_TOOLS/helm/$HELM_VERSION"
HELM="$HELM_DIR/helm"
PSS="$FINOPS_TOOLS/deploy-check/pss"

failed=()
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
# `check <label> <command...>`: one line with the time; the output's end on failure.
check() {
  local label="$1" log
  shift
  log="$work/check.$((++check_count)).log"
  local start=$EPOCHREALTIME
  if "$@" >"$log" 2>&1; then
    printf '  \033[32m✔\033[0m %-64s %5.1f s\n' "$label" "$(elapsed "$start")"
    return 0
  fi
  printf '  \033[31m✘\033[0m %-64s %5.1f s\n' "$label" "$(elapsed "$start")"
  tail -n 30 "$log" | sed 's/^/      /'
  failed+=("$label")
  return 1
}
check_count=0

ensure_helm() {
  [ -x "$HELM" ] && return 0
  command -v go >/dev/null 2>&1 || {
    finops_log "Go is needed once to build helm $HELM_VERSION (the Go module proxy)"
    return 1
  }
  finops_log "building helm $HELM_VERSION into .tools/helm (once)"
  mkdir -p "$HELM_DIR"
  GOBIN="$HELM_DIR" go install -trimpath "helm.sh/helm/v4/cmd/helm@$HELM_VERSION" >&2
}

# The Pod Security Admission library's evaluator (deploy/check/pss), rebuilt
# when its sources change.
ensure_pss() {
  local f stale=0
  [ -x "$PSS" ] || stale=1
  for f in go.mod go.sum main.go; do
    [ "$CHECK/pss/$f" -nt "$PSS" ] && stale=1
  done
  [ "$stale" = 0 ] && return 0
  finops_log "building the Pod Security Standards evaluator (deploy/check/pss, k8s.io/pod-security-admission)"
  mkdir -p "$(dirname "$PSS")"
  (cd "$CHECK/pss" && go build -trimpath -buildvcs=false -o "$PSS.partial.$$" .) >&2
  mv -f "$PSS.partial.$$" "$PSS"
}

ensure_check_packages() {
  local marker="$CHECK/node_modules/.installed"
  if [ ! -e "$marker" ] || [ "$CHECK/package-lock.json" -nt "$marker" ] || [ "$CHECK/package.json" -nt "$marker" ]; then
    finops_log "installing the deploy checker's packages (deploy/check, npm ci)"
    (cd "$CHECK" && npm_config_cache="$FINOPS_TOOLS/cache/npm" npm ci --no-audit --no-fund --loglevel=error) >&2
    touch "$marker"
  fi
}

render() { "$HELM" template portal "$CHART" --namespace finops "$@"; }
render_to() {
  local out="$1"
  shift
  render "$@" >"$out"
}

# check_rendering <name> <expected ServiceMonitors> <opa sidecar: yes|no> [helm args]
check_rendering() {
  local name="$1" monitors="$2" sidecar="$3" out="$work/$1"
  shift 3
  check "$name: helm lint --strict" "$HELM" lint --strict "$CHART" "$@" || true
  check "$name: render" render_to "$out.yaml" "$@" || return 0
  check "$name: ServiceMonitor (prometheus-operator schema)" \
    node "$CHECK/custom-resources.mjs" "$out.yaml" "$out.core.yaml" "$monitors" &&
    check "$name: Kubernetes $KUBERNETES_VERSION schemas (strict)" \
      finops_validate_kubernetes_schemas "$KUBERNETES_VERSION" "$out.core.yaml" || true
  check "$name: policy (replicas, probes, security, secrets...)" node "$CHECK/policy.mjs" "$out.yaml" || true
  check "$name: Pod Security Standard restricted:$PSS_VERSION (PSA library)" \
    "$PSS" restricted "$PSS_VERSION" "$out.yaml" || true
  if [ "$sidecar" = yes ]; then
    check "$name: OPA sidecar runs (real opa, bundle of policies/)" \
      node "$CHECK/opa-sidecar.mjs" "$out.yaml" "$FINOPS_OPA" "$out.opa" || true
  fi
}

# A changed app-config changes checksum/config (the pods roll); the same
# values render the same checksum (no roll on every upgrade).
checksum_rolls() {
  local a b c
  a="$(render | grep -m1 'checksum/config:')"
  b="$(render | grep -m1 'checksum/config:')"
  c="$(render --set-json 'appConfig={"catalog":{"readonly":true}}' | grep -m1 'checksum/config:')"
  echo "same values: $a / $b; changed: $c"
  [ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" != "$c" ]
}

# The chart's app-config layered on the image's two and read the way the
# backend reads it.
overlay_read() {
  node "$CHECK/app-config.mjs" "$work/$1.yaml" "$FINOPS_ROOT"
}

# A bad values file must fail: where its `# expect:` line names rules, the
# policy checker must fail with each; `# expect-schema-failure`: the
# Kubernetes schemas; `# expect-render-failure: <text>`: helm itself.
negative() {
  local file="$1" out="$work/negative" expect rule
  expect="$(sed -n 's/^# expect\(-[a-z-]*\)\{0,1\}:\{0,1\} *\(.*\)$/\1|\2/p' "$file" | head -n 1)"
  case "$expect" in
    -render-failure\|*)
      if render -f "$file" >"$out.yaml" 2>"$out.err"; then
        echo "rendered, but should have failed with: ${expect#*|}"
        return 1
      fi
      cat "$out.err"
      grep -qF -- "${expect#*|}" "$out.err"
      ;;
    -schema-failure\|*)
      render -f "$file" >"$out.yaml" &&
        node "$CHECK/custom-resources.mjs" "$out.yaml" "$out.core.yaml" 1 || return 1
      if finops_validate_kubernetes_schemas "$KUBERNETES_VERSION" "$out.core.yaml"; then
        echo "the schemas accepted it"
        return 1
      fi
      ;;
    \|?*)
      render -f "$file" >"$out.yaml" || return 1
      if node "$CHECK/policy.mjs" "$out.yaml" 2>"$out.err"; then
        echo "the policy checker accepted it"
        return 1
      fi
      cat "$out.err"
      for rule in ${expect#|}; do
        grep -q "^- $rule: " "$out.err" || {
          echo "no failure of rule $rule"
          return 1
        }
      done
      # `# expect-pss: forbidden`: the Pod Security Admission library too.
      if grep -q '^# expect-pss: forbidden' "$file"; then
        if "$PSS" restricted "$PSS_VERSION" "$out.yaml"; then
          echo "restricted:$PSS_VERSION allowed it"
          return 1
        fi
      fi
      ;;
    *)
      echo "$file has no # expect line"
      return 1
      ;;
  esac
}

main() {
  finops_bootstrap >&2
  command -v python3 >/dev/null 2>&1 || {
    finops_log "python3 is needed for kubernetes-validate"
    exit 1
  }
  ensure_helm
  ensure_check_packages
  ensure_pss
  finops_ensure_kubernetes_validate
  finops_ensure_opa >&2
  export HELM_CACHE_HOME HELM_CONFIG_HOME HELM_DATA_HOME
  work="$(mktemp -d "${TMPDIR:-/tmp}/deploy-check.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  # Helm keeps nothing of ours outside the scratch directory.
  HELM_CACHE_HOME="$work/helm/cache" HELM_CONFIG_HOME="$work/helm/config" HELM_DATA_HOME="$work/helm/data"

  echo "chart $CHART (helm $HELM_VERSION, Kubernetes $KUBERNETES_VERSION)"
  check_rendering defaults 1 no
  check_rendering production 1 yes -f deploy/values/production.yaml
  check_rendering hpa-off 1 yes -f "$CHECK/values/hpa-off.yaml"
  check "repository: Dockerfile non-root and pinned, args = CMD, plugins, OPA" \
    node "$CHECK/repo-consistency.mjs" "$FINOPS_ROOT" || true
  check "a changed app-config rolls the pods (checksum/config)" checksum_rolls || true
  check "the chart's app-config as the backend reads it (defaults)" overlay_read defaults || true
  check "the chart's app-config as the backend reads it (production)" overlay_read production || true

  echo "negative tests (each must fail)"
  local file
  for file in "$CHECK"/values/bad-*.yaml; do
    check "$(basename "$file" .yaml): $(sed -n 's/^# \(expect.*\)$/\1/p' "$file" | head -n 1)" \
      negative "$file" || true
  done
  sed -n 's/^note: /  note: /p' "$work"/check.*.log | sort -u

  if [ "${#failed[@]}" -gt 0 ]; then
    finops_log "failed deploy checks:"
    printf '  %s\n' "${failed[@]}" >&2
    exit 1
  fi
  echo "deploy checks: $check_count passed, 0 failed"
}

main "$@"
