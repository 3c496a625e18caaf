#!/usr/bin/env bash
# The one way the API fuzzer is installed: a virtualenv under the user's cache with the pinned requirements.
# Prints the virtualenv's python. Used by ./vettify fuzz and by ApiFuzzTest (the bounded run of ./vettify test).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VENV=${XDG_CACHE_HOME:-$HOME/.cache}/vettify/schemathesis-venv
if [ ! -x "$VENV/bin/st" ] || [ "$HERE/requirements.txt" -nt "$VENV/.installed" ]; then
  echo "[fuzz] installing $(grep -v '^#' "$HERE/requirements.txt" | tr '\n' ' ')into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$HERE/requirements.txt" >&2
  touch "$VENV/.installed"
fi
echo "$VENV/bin/python"
