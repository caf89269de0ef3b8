#!/usr/bin/env bash
# `npm test`: every layer, against the real local cluster (started once, or reused if it runs):
#   0. lint, format and import boundaries, type check, 1. unit tests (Vitest), 2. integration tests (Vitest, real cluster), 3. e2e (Playwright, Chromium).
# Every layer runs even if an earlier one failed; the last line sums them all.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=.test-output
rm -rf "$OUT" && mkdir -p "$OUT"

bash scripts/ensure-deps.sh --browser --cqlsh --promtool || exit 1
export PATH="$PATH:${RINGSIDE_CACHE_DIR:-$HOME/.cache/ringside}/promtool"

failed_steps=()
step() {
  local name="$1"; shift
  echo
  echo "=== ${name} ==="
  "$@" || failed_steps+=("$name")
}

step "lint and boundaries" npm run -s lint
step "type check" npx tsc --noEmit
step "unit tests" npx vitest run --config vitest.config.ts --reporter=default --reporter=json --outputFile.json="$OUT/unit.json"
step "local cluster" npx tsx localcluster/cli.ts up
step "integration tests" npx vitest run --config vitest.integration.config.ts --reporter=default --reporter=json --outputFile.json="$OUT/integration.json"
step "console build" npx next build
step "end-to-end tests" npx playwright test

echo
npx tsx scripts/summarize-tests.ts "$OUT" "${failed_steps[@]}"
