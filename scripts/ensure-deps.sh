#!/usr/bin/env bash
# Installs what this machine lacks for Ringside: npm packages (when package-lock.json changed),
# with `--browser` Debian's Chromium for the end-to-end tests, and with `--cqlsh` the cqlsh the
# formatter's integration test compares with (a venv in the cache; RINGSIDE_CQLSH overrides it).
# Java 17 and Maven are checked by the local-cluster tool itself, which names the package to install.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
want_cqlsh=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    --cqlsh) want_cqlsh=true ;;
  esac
done

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ringside: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

if $want_browser && [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "ringside: installing Debian's chromium for the end-to-end tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "ringside: Chromium is missing. Install it with 'sudo apt-get install -y chromium', or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

# The version the formatter's expected outputs were observed with; another may print differently.
CQLSH_VERSION=6.2.2
cqlsh_venv="${RINGSIDE_CACHE_DIR:-$HOME/.cache/ringside}/cqlsh-venv"
if $want_cqlsh && [ -z "${RINGSIDE_CQLSH:-}" ] && [ ! -x "$cqlsh_venv/bin/cqlsh" ]; then
  if ! command -v python3 >/dev/null; then
    echo "ringside: python3 is missing, and cqlsh needs it. Install it with 'sudo apt-get install -y python3 python3-venv', or set RINGSIDE_CQLSH to a cqlsh." >&2
    exit 1
  fi
  echo "ringside: installing cqlsh $CQLSH_VERSION into $cqlsh_venv"
  rm -rf "$cqlsh_venv"
  if ! python3 -m venv "$cqlsh_venv" >/dev/null \
    || ! "$cqlsh_venv/bin/python" -m pip install --quiet --disable-pip-version-check "cqlsh==$CQLSH_VERSION"; then
    rm -rf "$cqlsh_venv"
    echo "ringside: could not install cqlsh into $cqlsh_venv (on Debian 'python3 -m venv' needs 'sudo apt-get install -y python3-venv'). Or set RINGSIDE_CQLSH to a cqlsh." >&2
    exit 1
  fi
fi
