#!/usr/bin/env bash
# `npm run demo`: installs what is missing, starts the local Cassandra cluster if none runs,
# builds and starts the console, and prints its URL. Ctrl-C stops the console; the cluster keeps
# running until `npm run cluster -- down`.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-3000}"
export RINGSIDE_BASE_URL="${RINGSIDE_BASE_URL:-http://127.0.0.1:${PORT}}"

bash scripts/ensure-deps.sh
npx tsx localcluster/cli.ts up
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components server instrumentation.ts next.config.js package-lock.json -newer .next/BUILD_ID -print -quit)" ]; then
  echo "ringside: building the console"
  npx next build
fi
# The demo's admin gets a new generated password each start (no default password exists anywhere).
login="$(npm run -s user -- demo-admin --json)"
login_email="$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).email)' "$login")"
login_password="$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).password)' "$login")"
npx next start -p "${PORT}" &
server=$!
trap 'kill "$server" 2>/dev/null' INT TERM EXIT
# The URL is printed once the console answers, not before.
for _ in $(seq 1 60); do
  if node -e "fetch('http://127.0.0.1:${PORT}/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    echo
    echo "Ringside console: http://127.0.0.1:${PORT}/   (stop it with Ctrl-C; stop the cluster with 'npm run cluster -- down')"
    echo "Sign in as:       ${login_email}   password: ${login_password}"
    echo "                  (a new password each 'npm run demo'; add users with 'npm run user -- add --help')"
    echo
    break
  fi
  sleep 1
done
wait "$server"
