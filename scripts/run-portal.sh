#!/usr/bin/env bash
# Runs the portal on a fresh Debian machine: installs Debian Chromium and a Korean font
# for PDF printing when missing, restores the dotnet tools and the npm packages (the build
# does `npm ci`), then starts the app, which creates, migrates and
# seeds its SQLite database under src/SocialEconomy.Web/App_Data on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
ensure_dotnet_and_node
ensure_portal_packages

urls="${URLS:-http://127.0.0.1:5080}"
dotnet tool restore >/dev/null
echo "Starting the portal at ${urls} (ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}); stop with Ctrl+C."
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/SocialEconomy.Web --no-launch-profile -- --urls "${urls}"
