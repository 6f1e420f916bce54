# shellcheck shell=bash
# Sourced after scripts/bootstrap.sh. Provides the real `opa` command, built
# from the OPA release pinned in tools/opa/go.mod through the Go module proxy,
# so that policy checks, tests and the Wasm bundle come from the same engine
# on every machine. The binary lands in the git-ignored .tools/opa/ and is
# rebuilt only when tools/opa/go.mod, go.sum or main.go changes; a cold build
# takes a minute or two, a warm start nothing.
# Exports FINOPS_OPA (the binary's path) and puts it first on PATH.
# Moving to another OPA release: in tools/opa, `go get
# github.com/open-policy-agent/opa@vX.Y.Z && go mod tidy`, then commit
# go.mod and go.sum; the next run rebuilds.

finops_ensure_opa() {
  local src="$FINOPS_ROOT/tools/opa"
  local dir="$FINOPS_TOOLS/opa"
  local bin="$dir/opa"
  local stale=0 f
  if [ ! -x "$bin" ]; then
    stale=1
  else
    for f in go.mod go.sum main.go; do
      [ "$src/$f" -nt "$bin" ] && stale=1
    done
  fi
  if [ "$stale" = 1 ]; then
    command -v go >/dev/null 2>&1 || {
      finops_log "Go is needed once to build opa from tools/opa: install Go, or put an opa binary at .tools/opa/opa"
      return 1
    }
    local version start=$SECONDS
    version="$(sed -n 's#.*/open-policy-agent/opa \(v[^ ]*\).*#\1#p' "$src/go.mod" | head -n 1)"
    finops_log "building opa $version from tools/opa into .tools/opa (once; this takes a while)"
    mkdir -p "$dir"
    # Build beside the target and rename, so a concurrent caller never runs
    # a half-written binary. -buildvcs=false: the repo's git state is not
    # part of opa's identity.
    (cd "$src" && go build -trimpath -buildvcs=false -o "$bin.partial.$$" .) || {
      rm -f "$bin.partial.$$"
      finops_log "building opa failed"
      return 1
    }
    mv -f "$bin.partial.$$" "$bin"
    finops_log "built opa $version in $((SECONDS - start)) s"
  fi
  export FINOPS_OPA="$bin"
  case ":$PATH:" in
    *":$dir:"*) ;;
    *) export PATH="$dir:$PATH" ;;
  esac
}
