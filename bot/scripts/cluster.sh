#!/usr/bin/env bash
# The scaled-out deployment on this machine (issue 16), as background processes:
#   PostgreSQL 15 (a private cluster under $CLUSTER_DIR/pg, made with initdb; see pg_data): conversations
#       (Rasa's SQLTrackerStore), pre-screening reports (bot/reports/pg_store.py) and the console's
#       data (bot/console/store.py; CONSOLE_DATABASE_URL);
#   Redis: conversation locks (bot.lock_store.FastRedisLockStore, a RedisLockStore), WeChat
#       MsgId de-duplication and "继续" pages (bot/channels/wechat_state.py), with expiry;
#   REPLICAS Rasa servers and ACTION_REPLICAS action servers (default 2 each);
#   HAProxy in front: RASA_PORT (5005) → the Rasa replicas, ACTION_PORT (5055) → the action
#       servers, each checked every second (Rasa: /webhooks/rest/ready, actions: /health);
#   the web chat server on WEB_PORT (8000), talking to the load balancer.
#
#   bash bot/scripts/cluster.sh install  # installs what is missing (root or sudo: apt-get)
#   bash bot/scripts/cluster.sh start    # the same, then starts everything and waits until ready
#   bash bot/scripts/cluster.sh stop     # stops everything it started (pid files in $CLUSTER_DIR)
#   bash bot/scripts/cluster.sh status
#
# Ports: RASA_PORT, ACTION_PORT, WEB_PORT (the load balancer and web chat), REPLICA_PORT
# (first Rasa replica; default RASA_PORT+1, then +1 each), ACTION_REPLICA_PORT (ACTION_PORT+1),
# PG_PORT (5433), REDIS_PORT (6380). Exit status 3 means a server could not be installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
CLUSTER_DIR=${CLUSTER_DIR:-var/cluster}
mkdir -p "$CLUSTER_DIR"
CLUSTER_DIR=$(cd "$CLUSTER_DIR" && pwd)
REPLICAS=${REPLICAS:-2}
ACTION_REPLICAS=${ACTION_REPLICAS:-2}
RASA_PORT=${RASA_PORT:-5005}
ACTION_PORT=${ACTION_PORT:-5055}
WEB_PORT=${WEB_PORT:-8000}
REPLICA_PORT=${REPLICA_PORT:-$((RASA_PORT + 1))}
ACTION_REPLICA_PORT=${ACTION_REPLICA_PORT:-$((ACTION_PORT + 1))}
PG_PORT=${PG_PORT:-5433}
REDIS_PORT=${REDIS_PORT:-6380}
READY_TIMEOUT=${READY_TIMEOUT:-600}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
MODEL=${MODEL:-models/policy-assistant.tar.gz}
PIDS="$CLUSTER_DIR/pids"
LOGS="$CLUSTER_DIR/logs"
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 PYTHONWARNINGS=ignore SQLALCHEMY_SILENCE_UBER_WARNING=1
# A conversation's lock outlives a replica killed mid-turn by this long (Rasa's default is 60 s);
# longer than any turn (the action server gets ACTION_TIMEOUT = 10 s).
export TICKET_LOCK_LIFETIME=${TICKET_LOCK_LIFETIME:-20}
export REDIS_URL="redis://127.0.0.1:${REDIS_PORT}/0"
export REPORTS_DATABASE_URL="postgresql://rasa@127.0.0.1:${PG_PORT}/rasa"
# The console (turns, review queue, 👍/👎, accounts) beside the conversations, for the action servers
# and the web server alike (bot/console/store.py); `make purge` reads both URLs from cluster.env.
export CONSOLE_DATABASE_URL="${CONSOLE_DATABASE_URL:-$REPORTS_DATABASE_URL}"

say() { echo "cluster: $*"; }
die() { echo "cluster: $*" >&2; exit "${2:-1}"; }

# --- installation -------------------------------------------------------------------------------
apt_install() {  # apt_install PACKAGE…: as root (or with sudo), like install_chromium.sh
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || return 1
    sudo="sudo -n"
  fi
  say "installing $* (apt-get)"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >"$CLUSTER_DIR/apt.log" 2>&1 \
    || { $sudo apt-get update -q >>"$CLUSTER_DIR/apt.log" 2>&1 \
         && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$CLUSTER_DIR/apt.log" 2>&1; }
}

install_missing() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    apt_install postgresql-15 || apt_install postgresql || true
    [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 is not installed ($PG_BIN/initdb) and could not be installed" 3
  fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server || true
  command -v redis-server >/dev/null 2>&1 || die "redis-server is not installed and could not be installed" 3
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || apt_install haproxy || true
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || die "haproxy is not installed and could not be installed" 3
  # The Python drivers are pinned in requirements.txt; setup_venv.sh installs them.
  bash bot/scripts/setup_venv.sh
}

# --- processes ----------------------------------------------------------------------------------
alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

launch() {  # launch NAME COMMAND…: in the background, its output in logs/NAME.log, pid in pids/NAME.pid
  local name=$1; shift
  alive "$name" && { say "$name already running"; return; }
  nohup "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

# PostgreSQL refuses to run as root: as root, the data directory belongs to the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

# The data directory: $CLUSTER_DIR/pg, or, when PostgreSQL's user cannot pass a directory above it
# (mktemp -d makes 0700 directories), a directory of its own under /tmp whose path is kept in
# $CLUSTER_DIR/pg.location, so that stop and status find it again.
pg_data() {
  if [ -f "$CLUSTER_DIR/pg.location" ]; then cat "$CLUSTER_DIR/pg.location"; else echo "$CLUSTER_DIR/pg"; fi
}

start_postgres() {
  local data
  data=$(pg_data)
  PG_LOG="$LOGS/postgres.log"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres: "$data"
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$data"; then
      rmdir "$data" 2>/dev/null || true
      data=$(mktemp -d /tmp/policy-assistant-pg.XXXXXX)
      chown postgres: "$data"
      echo "$data" >"$CLUSTER_DIR/pg.location"
      say "PostgreSQL's user cannot pass a directory above $CLUSTER_DIR: its data is in $data"
    fi
    as_pg "$PG_BIN/initdb" -D "$data" -U rasa --auth=trust -E UTF8 --locale=C.UTF-8 >"$LOGS/initdb.log" 2>&1 \
      || die "initdb failed (see $LOGS/initdb.log)"
  fi
  # pg_ctl writes its log as PostgreSQL's user: beside the data when the logs are out of its reach
  [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$LOGS" && PG_LOG="$data.log"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] && touch "$PG_LOG" && chown postgres: "$PG_LOG"
    as_pg "$PG_BIN/pg_ctl" -D "$data" -w -t 60 -l "$PG_LOG" \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c fsync=on" \
      start >/dev/null || die "PostgreSQL did not start (see $PG_LOG)"
  fi
  local psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U rasa -d postgres -qtA)
  if [ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'rasa'")" ]; then
    "${psql[@]}" -c "CREATE DATABASE rasa" >/dev/null
  fi
}

start_redis() {
  alive redis && return
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$CLUSTER_DIR" \
    --daemonize yes --pidfile "$PIDS/redis.pid" --logfile "$LOGS/redis.log" >/dev/null
  for _ in $(seq 50); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return
    sleep 0.1
  done
  die "Redis did not start (see $LOGS/redis.log)"
}

write_endpoints() {
  cat >"$CLUSTER_DIR/endpoints.yml" <<EOF
# Generated by bot/scripts/cluster.sh: every replica shares these stores.
action_endpoint:
  url: "http://127.0.0.1:${ACTION_PORT}/webhook"   # HAProxy → the action servers
  enable_selective_domain: true
# Conversations in PostgreSQL: Rasa's SQLTrackerStore appends each turn's new events and reads
# the current session's events on every turn (no per-process cache that could be stale).
tracker_store:
  type: SQL
  dialect: postgresql
  url: 127.0.0.1
  port: ${PG_PORT}
  db: rasa
  username: rasa
  password: ""
# One turn per conversation at a time across replicas: Rasa's RedisLockStore, woken sooner.
lock_store:
  type: bot.lock_store.FastRedisLockStore
  url: 127.0.0.1
  port: ${REDIS_PORT}
  db: 1
EOF
}

write_haproxy() {
  local i
  {
    cat <<EOF
global
  maxconn 4000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A busy replica answers its check late: only a refused or failed check takes it out.
  timeout check 10s
  option redispatch
  retries 2
frontend rasa
  bind 127.0.0.1:${RASA_PORT}
  default_backend rasa
backend rasa
  balance leastconn
  # Liveness (Rasa answers / once its model is loaded): /webhooks/rest/ready also asks the action
  # servers, and under load its answer came late or 503, taking a working replica out.
  option httpchk GET /
  http-check expect status 200
EOF
    for ((i = 0; i < REPLICAS; i++)); do
      echo "  server rasa$((i + 1)) 127.0.0.1:$((REPLICA_PORT + i)) check inter 1s fall 2 rise 1"
    done
    cat <<EOF
frontend actions
  bind 127.0.0.1:${ACTION_PORT}
  default_backend actions
backend actions
  balance leastconn
  option httpchk GET /health
EOF
    for ((i = 0; i < ACTION_REPLICAS; i++)); do
      echo "  server actions$((i + 1)) 127.0.0.1:$((ACTION_REPLICA_PORT + i)) check inter 1s fall 2 rise 1"
    done
  } >"$CLUSTER_DIR/haproxy.cfg"
}

wait_ready() {  # wait_ready URL NAME…: until URL answers 200, while the named processes live
  local url=$1; shift
  local started; started=$(date +%s)
  until .venv/bin/python - "$url" <<'EOF' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=3) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
  do
    for name in "$@"; do alive "$name" || die "$name stopped during start-up (see $LOGS/$name.log)"; done
    [ $(( $(date +%s) - started )) -gt "$READY_TIMEOUT" ] && die "not ready after ${READY_TIMEOUT} s: $url"
    sleep 0.5
  done
}

start() {
  mkdir -p "$PIDS" "$LOGS"
  [ -f "$MODEL" ] || die "no trained model $MODEL: run make train"
  install_missing
  local t0 i names=()
  t0=$(date +%s)
  start_postgres
  start_redis
  write_endpoints
  write_haproxy
  # The ports, for the tests and the bench (tests/test_cluster.py, tests/tools/bench.py --cluster).
  printf '%s\n' "RASA_PORT=$RASA_PORT" "ACTION_PORT=$ACTION_PORT" "WEB_PORT=$WEB_PORT" \
    "REPLICA_PORT=$REPLICA_PORT" "ACTION_REPLICA_PORT=$ACTION_REPLICA_PORT" "REPLICAS=$REPLICAS" \
    "ACTION_REPLICAS=$ACTION_REPLICAS" "PG_PORT=$PG_PORT" "REDIS_PORT=$REDIS_PORT" \
    "REDIS_URL=$REDIS_URL" "REPORTS_DATABASE_URL=$REPORTS_DATABASE_URL" \
    "CONSOLE_DATABASE_URL=$CONSOLE_DATABASE_URL" >"$CLUSTER_DIR/cluster.env"
  for ((i = 0; i < ACTION_REPLICAS; i++)); do
    launch "actions-$((i + 1))" .venv/bin/python -m bot.action_server --actions actions \
      --port "$((ACTION_REPLICA_PORT + i))"
    names+=("actions-$((i + 1))")
  done
  for ((i = 0; i < REPLICAS; i++)); do
    launch "rasa-$((i + 1))" .venv/bin/rasa run --model "$MODEL" --interface 127.0.0.1 \
      --port "$((REPLICA_PORT + i))" --endpoints "$CLUSTER_DIR/endpoints.yml" --credentials credentials.yml
    names+=("rasa-$((i + 1))")
  done
  launch haproxy "$(command -v haproxy || echo /usr/sbin/haproxy)" -db -f "$CLUSTER_DIR/haproxy.cfg"
  launch web .venv/bin/python -m bot.webserver --host 127.0.0.1 --port "$WEB_PORT" --rasa "http://127.0.0.1:$RASA_PORT"
  names+=(haproxy web)
  for ((i = 0; i < REPLICAS; i++)); do
    wait_ready "http://127.0.0.1:$((REPLICA_PORT + i))/webhooks/rest/ready" "${names[@]}"
  done
  wait_ready "http://127.0.0.1:$WEB_PORT/readyz" "${names[@]}"
  say "ready in $(( $(date +%s) - t0 )) s — load balancer http://127.0.0.1:$RASA_PORT/webhooks/rest/webhook" \
    "($REPLICAS Rasa replicas from port $REPLICA_PORT, $ACTION_REPLICAS action servers from $ACTION_REPLICA_PORT" \
    "behind :$ACTION_PORT) · web chat http://127.0.0.1:$WEB_PORT/ · PostgreSQL :$PG_PORT · Redis :$REDIS_PORT" \
    "· stop with make cluster-stop"
}

stop() {
  local f name pid
  for f in "$PIDS"/*.pid; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .pid)
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
  done
  for f in "$PIDS"/*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$f"
  done
  if [ -f "$(pg_data)/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$(pg_data)" -m fast -w stop >/dev/null 2>&1 || true
  fi
  say "stopped ($CLUSTER_DIR)"
}

status() {
  local f
  for f in "$PIDS"/*.pid; do
    [ -e "$f" ] || continue
    if kill -0 "$(cat "$f")" 2>/dev/null; then echo "$(basename "$f" .pid): running"; else echo "$(basename "$f" .pid): stopped"; fi
  done
  as_pg "$PG_BIN/pg_ctl" -D "$(pg_data)" status >/dev/null 2>&1 && echo "postgres: running" || echo "postgres: stopped"
}

case "${1:-start}" in
  install) mkdir -p "$LOGS"; install_missing; say "PostgreSQL, Redis and HAProxy are installed" ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: cluster.sh install|start|stop|status" ;;
esac
