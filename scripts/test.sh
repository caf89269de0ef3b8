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

# Work that waits runs beside work that computes (2 cores): the cluster starts while lint, types and
# unit tests run (its nodes spend most of that time waiting on each other), and the console builds
# while the integration tests run (they spend most of theirs waiting on the cluster). Each one's output
# is shown, and its failure counted, at the step that needs it.
finished() {
  local pid="$1" log="$2"
  wait "$pid"
  local status=$?
  cat "$log"
  return "$status"
}
seconds() { echo "$(($(date +%s) - $1)) s"; }

t0=$(date +%s)
npx tsx localcluster/cli.ts up >"$OUT/cluster-up.log" 2>&1 &
cluster_pid=$!
step "lint and boundaries" npm run -s lint
step "type check" npx tsc --noEmit
step "unit tests" npx vitest run --config vitest.config.ts --reporter=default --reporter=json --outputFile.json="$OUT/unit.json"
step "local cluster" finished "$cluster_pid" "$OUT/cluster-up.log"
echo "(static checks, unit tests and cluster: $(seconds "$t0"))"

t1=$(date +%s)
npx next build >"$OUT/build.log" 2>&1 &
build_pid=$!
step "integration tests" npx vitest run --config vitest.integration.config.ts --reporter=default --reporter=json --outputFile.json="$OUT/integration.json"
step "console build" finished "$build_pid" "$OUT/build.log"
echo "(integration tests and build: $(seconds "$t1"))"

t2=$(date +%s)
step "end-to-end tests" npx playwright test
echo "(end-to-end tests: $(seconds "$t2"))"

echo
npx tsx scripts/summarize-tests.ts "$OUT" "${failed_steps[@]}"
