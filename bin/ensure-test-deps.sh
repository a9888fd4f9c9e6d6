#!/usr/bin/env bash
# Runs before `npm test`: the browser tests drive Debian's Chromium (Playwright cannot download
# its own browser here) and the Odoo tests start a private PostgreSQL 15. Installs what is missing
# when we may; otherwise says how.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages for the tests: ${missing[*]}…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The tests need: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
