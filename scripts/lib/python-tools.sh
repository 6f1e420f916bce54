# shellcheck shell=bash
# Python-packaged tools from PyPI, in git-ignored virtualenvs under .tools/:
#
#   finops_ensure_python_tools <venv directory> <requirements file> [what]
#
# creates the virtualenv and installs the pinned requirements into it, and
# does it again only when the requirements file is newer than the last
# install (a marker in the virtualenv). pip's downloads are cached in
# .tools/cache/pip. Sourced after scripts/bootstrap.sh.

finops_ensure_python_tools() {
  local venv="$1" requirements="$2" what="${3:-$(basename "$(dirname "$2")")}"
  local marker="$venv/.installed"
  if [ -e "$marker" ] && [ ! "$requirements" -nt "$marker" ] && [ ! -L "$venv/bin/python3" ]; then
    return 0
  fi
  if ! { command -v python3 >/dev/null 2>&1 && python3 -m venv --help >/dev/null 2>&1; }; then
    finops_log "python3 with venv is needed for $what (Debian: apt-get install python3-venv)"
    return 1
  fi
  finops_log "installing $what into ${venv#"$FINOPS_ROOT"/} (PyPI, ${requirements#"$FINOPS_ROOT"/})"
  rm -rf "$venv"
  # --copies: TechDocs refuses to build this repository (`dir: .`) while it
  # holds symlinks pointing outside it, which a default venv's python is.
  # The system's interpreter, not that of the .venv bootstrap puts first on
  # PATH (a venv copied from a venv has no working ensurepip).
  "$(python3 -c 'import sys; print(sys._base_executable)')" -m venv --copies "$venv" &&
    PIP_CACHE_DIR="$FINOPS_TOOLS/cache/pip" PIP_DISABLE_PIP_VERSION_CHECK=1 \
      "$venv/bin/pip" install --quiet -r "$requirements" >&2 &&
    touch "$marker"
}
