#!/usr/bin/env bash
# Fails when `backstage-cli repo fix --publish` would change a package.json:
# the backstage metadata (role, pluginId, pluginPackages) must stay right.
set -euo pipefail
cd "$(dirname "$0")/../.."
before="$(git diff --stat -- '*package.json')"
yarn backstage-cli repo fix --publish >/dev/null
after="$(git diff --stat -- '*package.json')"
if [ "$before" != "$after" ]; then
  echo "repo fix --publish changed package metadata; run it and commit:" >&2
  git --no-pager diff -- '*package.json' >&2
  exit 1
fi
