#!/usr/bin/env bash
# Runs the portal on a fresh Debian machine: installs Debian Chromium and a Korean font
# for PDF printing when missing, restores the dotnet tools and the npm packages (the build
# does `npm ci`), then starts the app, which creates, migrates and
# seeds its SQLite database under src/SocialEconomy.Web/App_Data on first start.
# In Development it first starts smtp4dev, a local mail catcher: the portal's notices are
# sent to it (appsettings.Development.json) and read at http://127.0.0.1:5081
# (MAIL_CATCHER=0 to leave it out).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
ensure_dotnet_and_node
ensure_portal_packages

urls="${URLS:-http://127.0.0.1:5080}"
dotnet tool restore >/dev/null
echo "Starting the portal at ${urls} (ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}); stop with Ctrl+C."
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
if [[ "${ASPNETCORE_ENVIRONMENT}" == "Development" && "${MAIL_CATCHER:-1}" != "0" ]]; then
  # In memory (--db=""), SMTP on 2525, no IMAP/POP3; stopped with the portal.
  dotnet smtp4dev --urls=http://127.0.0.1:5081 --smtpport=2525 --imapport=0 --pop3port=0 --db="" >/tmp/smtp4dev.log 2>&1 &
  catcher=$!
  trap 'kill "${catcher}" 2>/dev/null || true' EXIT
  echo "Mail catcher (smtp4dev): the demo's e-mail at http://127.0.0.1:5081"
fi
dotnet run --project src/SocialEconomy.Web --no-launch-profile -- --urls "${urls}"
