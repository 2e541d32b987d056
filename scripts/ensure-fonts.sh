#!/usr/bin/env bash
# Chinese fonts for the browser, so the Chinese pages render as readers see them (screenshots, and the
# browser tests' layout). The tests do not depend on them: without a Chinese font Chromium draws boxes of
# other widths, and no test asserts a size that only a font can guarantee. So a missing font is a
# warning, not a failure. Installs Debian's fonts-noto-cjk when missing and we are root with apt-get.
set -euo pipefail
if ! command -v fc-list >/dev/null; then
  echo "fonts: fc-list not found (fontconfig, which Chromium uses, is missing); Chinese fonts not checked" >&2
  exit 0
fi
found="$(fc-list :lang=zh-cn family | head -n 1)"
if [ -n "$found" ]; then
  echo "fonts: Chinese font present ($found)"
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "fonts: no Chinese font, installing Debian's fonts-noto-cjk (about 90 MB)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
  echo "fonts: installed $(fc-list :lang=zh-cn family | head -n 1)"
  exit 0
fi
echo "fonts: no Chinese font installed; the Chinese pages will show boxes in the browser tests and screenshots." >&2
echo "The tests still pass. For pages as readers see them: sudo apt-get install -y fonts-noto-cjk" >&2
exit 0
