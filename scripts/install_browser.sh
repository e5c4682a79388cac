#!/usr/bin/env bash
# Installs Debian's Chromium and an Arabic font for the browser test of the HTML report.
# Needs root and apt-get; elsewhere it says so, and the browser test is skipped with that reason.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "Noto Naskh Arabic"; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install_browser: not root or no apt-get; install 'chromium' and 'fonts-noto-core' yourself" \
       "to run the browser test (it is skipped without them)." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q chromium fonts-noto-core fontconfig >/dev/null
