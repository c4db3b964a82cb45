#!/usr/bin/env bash
# Runs every test of MlIntro (unit, training, web, browser) and ends with "N passed, N failed".
# Installs Debian's Chromium, PostgreSQL and Redis when they are missing; never downloads a browser of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's packages the tests start themselves: Chromium for the browser tests, PostgreSQL for the shared store's tests
# (a throw-away server per test run, scripts/postgres-temp.sh), Redis for the cluster's membership (scripts/cluster-local.sh).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian for the tests (once)..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
set +e
# Build in parallel, then run the test projects one after another: the browser tests time what a page does while
# the server trains, and another project's training on the same two cores would make those timings noise.
dotnet build MlIntro.Web.sln
status=$?
if [ "$status" -eq 0 ]; then
  dotnet test MlIntro.Web.sln --no-build -m:1 --logger trx --results-directory "$results" "$@"
  status=$?
fi
set -e

sum() { cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{s+=$1} END {print s+0}'; }
passed=$(sum passed)
failed=$(sum failed)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before any result was written
fi
echo "$passed passed, $failed failed"
exit "$status"
