#!/usr/bin/env bash
# Debian's chromium for the browser tests (Playwright drives it; its own download is not available).
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "noto.*cjk"; then exit 0; fi
if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
  echo "browser: /usr/bin/chromium is missing and installing it needs root (apt-get install chromium)" >&2; exit 1
fi
echo "browser: installing Debian's chromium (apt-get)…"
"${sudo[@]}" apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
/usr/bin/chromium --version
