#!/usr/bin/env bash
# The load benchmark (docs/benchmarks.md, "Under load"): builds in Release, then runs
# tests/SocialEconomy.LoadBenchmark, which starts the portal in Production on HTTPS loopback
# with SQLite in a temporary folder, signs in 32 officers and drives the main pages with wrk
# at 1, 8 and 32 connections, for the seeded plan and a province-sized data set, and writes
# its section of docs/benchmarks.md. Run on demand, never in CI; takes about 10 minutes.
# Arguments go to the benchmark: --seconds N, --connections 1,8,32, --plans N,
# --only seeded|province, --output PATH, --keep.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
ensure_dotnet_and_node
if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk from Debian..."
  apt_install wrk
fi
dotnet build src/SocialEconomy.Web -c Release -nologo -clp:ErrorsOnly
dotnet build tests/SocialEconomy.LoadBenchmark -c Release -nologo -clp:ErrorsOnly
exec dotnet tests/SocialEconomy.LoadBenchmark/bin/Release/net10.0/SocialEconomy.LoadBenchmark.dll "$@"
