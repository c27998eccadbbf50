#!/usr/bin/env bash
# Live routing over HTTP (not part of ./mvnw verify): starts Fairlead on an embedded PostgreSQL,
# creates a team of 20 reps and a rule set, then drives POST /api/leads (validate, score, route,
# persist, explain, outbox) with 8, 16 and 32 clients, each followed by the raw 3-statement JDBC
# transaction with as many connections on the same database; then a paced run at half the raw
# rate. Every loop is bounded (REQUESTS per client). Results: docs/benchmarks.md.
#
#   REQUESTS=150 bench/routing-http/run.sh                  # Shanghai rule: smooth weighted round robin (turn lock)
#   STRATEGY=LEAST_LOADED REQUESTS=150 bench/routing-http/run.sh   # no turn lock
set -euo pipefail
REQUESTS=${REQUESTS:-150}
cd "$(dirname "$0")/../.."
OUT=target/bench-routing
mkdir -p "$OUT"
JAR=$(ls target/fairlead-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -B package -DskipTests
  JAR=$(ls target/fairlead-*.jar | grep -v plain | head -1)
fi
PGJAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)
rm -rf "$OUT/pgdata" "$OUT/cookies"
PORT=${PORT:-18081}
PGPORT=${PGPORT:-54331}
FAIRLEAD_DATA_DIR="$OUT/pgdata" FAIRLEAD_EMBEDDED_DB_PORT=$PGPORT FAIRLEAD_PORT=$PORT FAIRLEAD_DEMO_DATA=false \
FAIRLEAD_ADMIN_PASSWORD=bench-password-2026 FAIRLEAD_LOG_FILE="$OUT/fairlead.log" \
  java ${JAVA_EXTRA:-} -jar "$JAR" > "$OUT/app.out" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://localhost:$PORT/actuator/health" > /dev/null 2>&1 && break
  sleep 1
done
BASE="http://localhost:$PORT"
CSRF=$(curl -s -c "$OUT/cookies" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$OUT/cookies" -c "$OUT/cookies" -o /dev/null --data-urlencode "username=admin" \
  --data-urlencode "password=bench-password-2026" --data-urlencode "_csrf=$CSRF" "$BASE/login"
CSRF=$(curl -s -b "$OUT/cookies" "$BASE/" | grep -o '<meta name="_csrf" content="[^"]*"' | sed 's/.*content="//;s/"$//')
ADMIN_ID=$(curl -s -b "$OUT/cookies" "$BASE/api/me" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
TOKEN=$(curl -s -b "$OUT/cookies" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' \
  -d "{\"userId\": $ADMIN_ID, \"name\": \"routing load test\"}" "$BASE/api/tokens" | grep -o '"secret":"[^"]*"' | cut -d'"' -f4)
java -cp "$PGJAR" bench/routing-http/LiveRoutingLoad.java "$BASE" "$TOKEN" "jdbc:postgresql://localhost:$PGPORT/fairlead" "$REQUESTS" ${CLIENTS:-8 16 32}
# Where the time went: the whole request (POST /api/leads) against the routing step inside it.
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/actuator/prometheus" \
  | grep -E '^(fairlead_routing_decision_seconds_(count|sum)|fairlead_routing_turns_[a-z_]*_total|http_server_requests_seconds_(count|sum)\{.*method="POST".*uri="/api/leads")' || true
