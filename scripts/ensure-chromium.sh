#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing (the extension runs and is tested in it).
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
echo "Chromium is not installed; installing Debian's chromium package…"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "Install it as root: apt-get install -y chromium" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y chromium || { $SUDO apt-get update && $SUDO apt-get install -y chromium; }
