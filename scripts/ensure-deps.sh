#!/usr/bin/env bash
# Installs what this machine lacks for Ringside: npm packages (when package-lock.json changed),
# with `--browser` Debian's Chromium for the end-to-end tests, with `--cqlsh` the cqlsh the
# formatter's integration test compares with (a venv in the cache; RINGSIDE_CQLSH overrides it), and
# with `--promtool` Prometheus's promtool, which checks /api/metrics (unpacked from Debian's package
# into the cache, not installed: the console needs no Prometheus server).
# Java 17 and Maven are checked by the local-cluster tool itself, which names the package to install.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
want_cqlsh=false
want_promtool=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    --cqlsh) want_cqlsh=true ;;
    --promtool) want_promtool=true ;;
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

# promtool checks the exposition's names and types; it ships only inside Debian's prometheus package.
promtool_dir="${RINGSIDE_CACHE_DIR:-$HOME/.cache/ringside}/promtool"
if $want_promtool && ! command -v promtool >/dev/null && [ ! -x "$promtool_dir/promtool" ]; then
  if command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null; then
    echo "ringside: unpacking promtool from Debian's prometheus package into $promtool_dir"
    work="$(mktemp -d)"
    if (cd "$work" && { apt-get download prometheus >/dev/null 2>&1 || { apt-get update -qq && apt-get download prometheus >/dev/null; }; }) \
      && dpkg-deb -x "$work"/prometheus_*.deb "$work/root" \
      && mkdir -p "$promtool_dir" && cp "$work/root/usr/bin/promtool" "$promtool_dir/promtool"; then
      :
    else
      echo "ringside: could not get promtool (Debian package prometheus); the promtool check will be skipped" >&2
    fi
    rm -rf "$work"
  else
    echo "ringside: promtool is missing and there is no apt-get to fetch it; the promtool check will be skipped" >&2
  fi
fi
