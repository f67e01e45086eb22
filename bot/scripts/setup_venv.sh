#!/usr/bin/env bash
# Make (or reuse) .venv with Python 3.10 and the pinned requirements.
# Python 3.10 is looked for in this order: python3.10 on PATH, pyenv's 3.10.*, `uv python find 3.10`.
# Idempotent: with nothing changed it takes a second.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=.venv

is310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }

find_python310() {
  if command -v python3.10 >/dev/null 2>&1 && is310 python3.10; then
    command -v python3.10; return
  fi
  local root=""
  if command -v pyenv >/dev/null 2>&1; then root=$(pyenv root); fi
  for base in "$root" "${PYENV_ROOT:-}" "$HOME/.pyenv"; do
    [ -n "$base" ] || continue
    for p in $(ls -d "$base"/versions/3.10.*/bin/python 2>/dev/null | sort -V -r); do
      if is310 "$p"; then echo "$p"; return; fi
    done
  done
  if command -v uv >/dev/null 2>&1; then
    local p; p=$(uv python find 3.10 2>/dev/null || true)
    if [ -n "$p" ] && is310 "$p"; then echo "$p"; return; fi
  fi
  return 1
}

if [ -x "$VENV/bin/python" ] && ! is310 "$VENV/bin/python"; then
  echo "setup: $VENV is not Python 3.10; making it again" >&2
  rm -rf "$VENV"
fi
if [ ! -x "$VENV/bin/python" ]; then
  if ! PY=$(find_python310); then
    cat >&2 <<'MSG'
setup: 找不到 Python 3.10（Rasa 3.6 只支持 Python 3.8–3.10）。
  No Python 3.10 found. Install one, then run the command again, e.g.:
    pyenv install 3.10.13        (https://github.com/pyenv/pyenv)
    uv python install 3.10       (https://docs.astral.sh/uv/)
    apt-get install python3.10 python3.10-venv
MSG
    exit 1
  fi
  echo "setup: creating $VENV with $PY"
  "$PY" -m venv "$VENV"
fi

stamp="$VENV/.requirements.sha256"
want=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing requirements (first time: about 2 minutes, 2.7 GB)"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements-dev.txt 2>&1 \
    | grep -v -E "^WARNING: Location .* is ignored|DEPRECATION:" || true
  "$VENV/bin/python" -W ignore -c "import importlib.util as u, sys; sys.exit(any(u.find_spec(m) is None for m in ('rasa', 'rasa_sdk', 'spacy', 'jieba', 'sqlite_utils', 'openpyxl', 'pytest', 'playwright')))" \
    || { echo "setup: requirements failed to install" >&2; exit 1; }
  echo "$want" > "$stamp"
fi
