#!/usr/bin/env bash
# Installs the Debian browsers the extension runs and is tested in, when they are missing:
#   bash scripts/ensure-browsers.sh chromium firefox-esr
# Each name is both the Debian package and the binary in /usr/bin.
set -euo pipefail
missing=()
for name in "$@"; do
  [ -x "/usr/bin/$name" ] || missing+=("$name")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Not installed: ${missing[*]}; installing Debian's packages…"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "Install them as root: apt-get install -y ${missing[*]}" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y "${missing[@]}" || { $SUDO apt-get update && $SUDO apt-get install -y "${missing[@]}"; }
