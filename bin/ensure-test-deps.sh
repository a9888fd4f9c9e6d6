#!/usr/bin/env bash
# Runs before `npm test`: the browser tests drive Debian's Chromium (Playwright cannot download
# its own browser here). Installs it when missing and we may; otherwise says how.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The browser tests need Chromium at /usr/bin/chromium: sudo apt-get install -y chromium" >&2
  exit 1
fi
