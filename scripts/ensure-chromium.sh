#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download does not work offline).
# Installs it when missing and we are root with apt-get; otherwise says what to do.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo present) at $CHROMIUM"
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "chromium: not found, installing Debian's chromium package (a few minutes)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  echo "chromium: installed $("$CHROMIUM" --version)"
  exit 0
fi
echo "chromium: $CHROMIUM not found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium)" >&2
echo "or set CHROMIUM_PATH to a Chromium/Chrome binary." >&2
exit 1
