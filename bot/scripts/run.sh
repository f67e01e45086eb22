#!/usr/bin/env bash
# Start the whole assistant in the foreground: action server, Rasa server, web chat page.
# Prints "assistant: ready" only once the Rasa server has warmed up (NLU, policies, knowledge
# base and action server, bot/reliability.py) and answers its readiness check.
# Ctrl-C (or any of the three stopping) stops all of them.
#
# Every server listens on 127.0.0.1 unless told otherwise: RASA_HOST, ACTION_HOST, WEB_HOST
# (e.g. RASA_HOST=0.0.0.0 for WeChat without a reverse proxy). The action server has no
# authentication: keep it on 127.0.0.1. Ports: RASA_PORT, ACTION_PORT, WEB_PORT.
# DATA_DIR (default var) holds the conversations and the generated endpoints file.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA_DIR=${DATA_DIR:-var}
mkdir -p "$DATA_DIR"
RASA_PORT=${RASA_PORT:-5005}
ACTION_PORT=${ACTION_PORT:-5055}
WEB_PORT=${WEB_PORT:-8000}
RASA_HOST=${RASA_HOST:-127.0.0.1}
ACTION_HOST=${ACTION_HOST:-127.0.0.1}
WEB_HOST=${WEB_HOST:-127.0.0.1}
READY_TIMEOUT=${READY_TIMEOUT:-600}
export RASA_TELEMETRY_ENABLED=false

# The address to reach a server listening on $1 from this machine.
local_address() { case "$1" in 0.0.0.0|::|"[::]") echo 127.0.0.1 ;; *) echo "$1" ;; esac; }
action_url="http://$(local_address "$ACTION_HOST"):${ACTION_PORT}"
rasa_url="http://$(local_address "$RASA_HOST"):${RASA_PORT}"
web_url="http://$(local_address "$WEB_HOST"):${WEB_PORT}"
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-$web_url}"  # the pre-screening report's print link (bot/console)

sed -e "s#http://localhost:5055#${action_url}#" -e "s#db: var/tracker.db#db: ${DATA_DIR}/tracker.db#" \
  endpoints.yml > "$DATA_DIR/endpoints.run.yml"
api=()
if [ -n "${RASA_API_TOKEN:-}" ]; then
  api=(--enable-api --auth-token "$RASA_API_TOKEN")
fi

pids=()
stop() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop INT TERM EXIT

SANIC_HOST="$ACTION_HOST" .venv/bin/python -m bot.action_server --actions actions --port "$ACTION_PORT" &
pids+=($!)
.venv/bin/rasa run --model models/policy-assistant.tar.gz --interface "$RASA_HOST" --port "$RASA_PORT" \
  --endpoints "$DATA_DIR/endpoints.run.yml" --credentials credentials.yml "${api[@]}" &
pids+=($!)
.venv/bin/python -m bot.webserver --host "$WEB_HOST" --port "$WEB_PORT" --rasa "$rasa_url" &
pids+=($!)

echo "assistant: starting; warming up the NLU, the knowledge base and the action server…"
started=$(date +%s)
until .venv/bin/python - "$web_url/readyz" <<'EOF' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=3) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "assistant: a server stopped during start-up" >&2; exit 1; }
  done
  if [ $(( $(date +%s) - started )) -gt "$READY_TIMEOUT" ]; then
    echo "assistant: not ready after ${READY_TIMEOUT} s (see $rasa_url/webhooks/rest/ready)" >&2
    exit 1
  fi
  sleep 0.5
done
echo "assistant: ready in $(( $(date +%s) - started )) s — Rasa REST ${rasa_url}/webhooks/rest/webhook · actions ${action_url}/health · web chat ${web_url}/ · readiness ${web_url}/readyz"
wait -n "${pids[@]}"
echo "assistant: a server stopped; stopping the others" >&2
