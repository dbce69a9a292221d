#!/usr/bin/env bash
# Crash test of the intake and its aggregates: concurrent clients send responses and re-send
# each one on any failure until it is acknowledged (and re-send some acknowledged ones too),
# while the service (java -jar, on a free port) is killed with kill -9 twice and restarted;
# then the administrator's recompute endpoint must report zero differences, and the stored
# responses must be exactly the acknowledged ones.
#
#   mvn -q -DskipTests package && src/test/scripts/crash-test.sh [clients] [responses-per-client]
#
# Needs curl, psql and the PostgreSQL of HAILONG_CRASH_PG (default: 127.0.0.1:5432, user postgres),
# where it makes and drops a throw-away database.
set -euo pipefail
cd "$(dirname "$0")/../../.."
CLIENTS=${1:-8}
PER_CLIENT=${2:-150}
PG_HOST=${HAILONG_CRASH_PG_HOST:-127.0.0.1}
PG_PORT=${HAILONG_CRASH_PG_PORT:-5432}
PG_USER=${HAILONG_CRASH_PG_USER:-postgres}
DB=hailong_crash_$(date +%Y%m%d_%H%M%S)
JAR=$(ls target/hailong-*.jar | grep -v original | head -1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ADMIN='crash-admin:crash-test-passphrase'
WORK=$(mktemp -d)
BASE=http://127.0.0.1:$PORT
PID=
psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -qc "create database $DB" postgres
cleanup() {
  [[ -n "$PID" ]] && kill -9 "$PID" 2>/dev/null || true
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -qc "drop database if exists $DB with (force)" postgres || true
}
trap cleanup EXIT

start() {
  SPRING_R2DBC_URL=r2dbc:postgresql://$PG_HOST:$PG_PORT/$DB SPRING_R2DBC_USERNAME=$PG_USER SPRING_R2DBC_PASSWORD= \
  SPRING_FLYWAY_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$DB SPRING_FLYWAY_USER=$PG_USER SPRING_FLYWAY_PASSWORD= \
  HAILONG_ADMIN_USERNAME=crash-admin HAILONG_ADMIN_PASSWORD=crash-test-passphrase PORT=$PORT \
    java -Xmx384m -jar "$JAR" --server.address=127.0.0.1 --logging.level.root=WARN >>"$WORK/service.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "$BASE/actuator/health"; do
    kill -0 "$PID" 2>/dev/null || { echo "service died at start"; tail -50 "$WORK/service.log"; exit 1; }
    sleep 0.5
  done
  echo "$(date +%T) service up, pid $PID, port $PORT"
}

start
curl -sf -u "$ADMIN" -X POST "$BASE/api/v1/units/import" -H 'Content-Type: text/csv' --data-binary $'code,name,level,parent,population\nCR-PGD,Phòng GD&ĐT (crash test),district_office,,0\nCR-A,Trường A,primary,CR-PGD,800\nCR-B,Trường B,lower_secondary,CR-PGD,600\n' >/dev/null
CAMPAIGN=$(curl -sf -u "$ADMIN" -X POST "$BASE/api/v1/campaigns" -H 'Content-Type: application/json' -d "{
  \"name\": \"Crash test\", \"template\": \"phu-huynh-truong-cong-lap\", \"period\": \"2026-Q4\",
  \"opensAt\": \"$(date -u -d '-1 day' +%FT%TZ)\", \"closesAt\": \"$(date -u -d '+1 day' +%FT%TZ)\",
  \"units\": [\"CR-A\", \"CR-B\"], \"rateLimit\": 0}" | sed -E 's/.*"id":([0-9]+).*/\1/')
curl -sf -u "$ADMIN" -X POST "$BASE/api/v1/campaigns/$CAMPAIGN/open" >/dev/null
echo "campaign $CAMPAIGN open"

# One client: each response is sent until a 200 or 201 comes back, whatever else happens
# (connection refused, reset, timeout, 5xx); one in four acknowledged responses is sent again.
client() {
  local n=$1 sent=0 retries=0
  for ((i = 0; i < PER_CLIENT; i++)); do
    local id unit answers body code
    id=$(cat /proc/sys/kernel/random/uuid)
    unit=$([[ $((RANDOM % 2)) == 0 ]] && echo CR-A || echo CR-B)
    answers="\"cap_hoc\": \"thcs\", \"hl_chung\": $((1 + RANDOM % 5))"
    for item in tc1 tc2 tc3 tc4 tc5 mt1 mt2 mt3; do
      ((RANDOM % 3)) && answers="$answers, \"$item\": $((1 + RANDOM % 5))"
    done
    body="{\"id\": \"$id\", \"unit\": \"$unit\", \"answers\": {$answers}}"
    local times=1
    ((RANDOM % 4 == 0)) && times=2
    for ((t = 0; t < times; t++)); do
      until code=$(curl -s -o /dev/null -w '%{http_code}' -m 15 -X POST "$BASE/api/v1/campaigns/$CAMPAIGN/responses" \
          -H 'Content-Type: application/json' -d "$body") && [[ $code == 200 || $code == 201 ]]; do
        if [[ $code == 4* && $code != 408 && $code != 429 ]]; then echo "client $n: refused with $code: $body"; exit 1; fi
        retries=$((retries + 1)); sleep 0.2
      done
    done
    echo "$id" >>"$WORK/acknowledged.$n"
    sent=$((sent + 1))
  done
  echo "$(date +%T) client $n done: $sent acknowledged, $retries re-sends after failures"
}

CLIENT_PIDS=()
for ((c = 1; c <= CLIENTS; c++)); do client "$c" & CLIENT_PIDS+=($!); done
for kill in 1 2; do
  sleep "${HAILONG_CRASH_PAUSE:-10}"
  stored=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -Atc "select count(*) from response" "$DB")
  echo "$(date +%T) kill -9 $PID ($stored responses stored so far)"
  kill -9 "$PID"; wait "$PID" 2>/dev/null || true
  start
done
wait "${CLIENT_PIDS[@]}"

ACKED=$(cat "$WORK"/acknowledged.* | sort -u | wc -l)
STORED=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -Atc "select count(*) from response where campaign_id = $CAMPAIGN" "$DB")
echo "acknowledged $ACKED distinct responses, stored $STORED"
VERIFY=$(curl -sf -u "$ADMIN" -X POST "$BASE/api/v1/campaigns/$CAMPAIGN/aggregates/verify")
echo "verify: ${VERIFY:0:400}"
DIFFS=$(echo "$VERIFY" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["differences"]))')
echo "differences: $DIFFS"
[[ "$ACKED" == "$STORED" && "$DIFFS" == 0 ]] && echo "CRASH TEST PASSED" || { echo "CRASH TEST FAILED"; exit 1; }
