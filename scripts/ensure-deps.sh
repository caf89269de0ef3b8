#!/usr/bin/env bash
# Installs what this machine lacks for Ringside: npm packages (when package-lock.json changed),
# and with `--browser`, Debian's Chromium for the end-to-end tests. Java 17 and Maven are
# checked by the local-cluster tool itself, which names the package to install.
set -euo pipefail
cd "$(dirname "$0")/.."

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ringside: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ] && [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "ringside: installing Debian's chromium for the end-to-end tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "ringside: Chromium is missing. Install it with 'sudo apt-get install -y chromium', or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi
