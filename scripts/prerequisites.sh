#!/usr/bin/env bash
# Shared by run-portal.sh and test.sh: installs what a fresh Debian machine lacks.

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_dotnet_and_node() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (dotnet on PATH); this machine image is expected to have it." >&2
    exit 1
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "Installing Node.js and npm from Debian (front-end packages come from npm)..."
    apt_install nodejs npm
  fi
}

# Debian Chromium and a Korean system font: the portal prints its reports to PDF with them,
# so the README's first command needs them as much as the tests do.
ensure_portal_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi nanum || missing+=(fonts-nanum)
  if ((${#missing[@]})); then
    echo "Installing ${missing[*]} from Debian (PDF printing)..."
    apt_install "${missing[@]}"
  fi
}

# The portal's packages, and poppler-utils (pdftotext) to read PDFs back in tests.
ensure_test_packages() {
  ensure_portal_packages
  if ! command -v pdftotext >/dev/null 2>&1; then
    echo "Installing poppler-utils from Debian..."
    apt_install poppler-utils
  fi
}
