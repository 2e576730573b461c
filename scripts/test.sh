#!/usr/bin/env bash
# Runs every test (unit, integration on real SQLite, browser with Debian Chromium) and
# ends with one line: "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
set -e
ensure_dotnet_and_node
ensure_test_packages
dotnet tool restore >/dev/null
dotnet build SocialEconomy.sln -c Release -nologo -clp:ErrorsOnly
set +e

results="TestResults"
rm -rf "$results"
dotnet test SocialEconomy.sln -c Release --no-build --nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
