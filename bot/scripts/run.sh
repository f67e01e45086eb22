#!/usr/bin/env bash
# Start the whole assistant in the foreground: action server, Rasa server, web chat page.
# Ctrl-C (or any of the three stopping) stops all of them.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p var
RASA_PORT=${RASA_PORT:-5005}
ACTION_PORT=${ACTION_PORT:-5055}
WEB_PORT=${WEB_PORT:-8000}
export RASA_TELEMETRY_ENABLED=false

sed "s#localhost:5055#localhost:${ACTION_PORT}#" endpoints.yml > var/endpoints.run.yml
api=()
if [ -n "${RASA_API_TOKEN:-}" ]; then
  api=(--enable-api --auth-token "$RASA_API_TOKEN")
fi

pids=()
stop() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop INT TERM EXIT

.venv/bin/rasa run actions --actions actions --port "$ACTION_PORT" &
pids+=($!)
.venv/bin/rasa run --model models/policy-assistant.tar.gz --port "$RASA_PORT" \
  --endpoints var/endpoints.run.yml --credentials credentials.yml "${api[@]}" &
pids+=($!)
.venv/bin/python -m bot.webserver --port "$WEB_PORT" --rasa "http://localhost:${RASA_PORT}" &
pids+=($!)

echo "assistant: Rasa REST http://localhost:${RASA_PORT}/webhooks/rest/webhook · actions http://localhost:${ACTION_PORT}/health · web chat http://localhost:${WEB_PORT}/"
wait -n "${pids[@]}"
echo "assistant: a server stopped; stopping the others" >&2
