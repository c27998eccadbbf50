#!/usr/bin/env bash
# Import benchmark (not part of ./mvnw verify). Generates a CSV of $ROWS leads, imports the first
# $IMPORT_ROWS of them end to end through Fairlead's import path (HTTP upload, background job:
# validate, de-duplicate, store, audit, score — and route when the routing module is present) in a
# JVM capped at -Xmx512m, then COPYs the same rows into a lead-shaped table in the same database.
# Prints rows/s for both and the peak heap seen in the GC log. Results: docs/benchmarks.md.
#
#   ROWS=1000000 IMPORT_ROWS=1000000 bench/import/run.sh
#
# The bench database has no reps, so every lead goes to the pool. REPS=30 first creates, through the
# REST API, a team of 30 reps (weights 1–3, caps far above the import) and activates a rule set that
# routes budgets of ¥500,000 and more least-loaded and the rest by weighted round robin, so the
# leads are really assigned (counters, ledger-free strategies, SLA timers after commit).
# JFR=1 dumps a flight recording of the app to target/bench/import.jfr after the import.
set -euo pipefail
ROWS=${ROWS:-1000000}
IMPORT_ROWS=${IMPORT_ROWS:-$ROWS}
CHUNK=${CHUNK:-500}
cd "$(dirname "$0")/../.."
OUT=target/bench
mkdir -p "$OUT"
JAR=$(ls target/fairlead-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -B package -DskipTests
  JAR=$(ls target/fairlead-*.jar | grep -v plain | head -1)
fi
PGJAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)

if [ ! -f "$OUT/leads-$ROWS.csv" ]; then
  java bench/import/GenerateLeadsCsv.java "$ROWS" "$OUT/leads-$ROWS.csv"
fi
head -n $((IMPORT_ROWS + 1)) "$OUT/leads-$ROWS.csv" > "$OUT/import.csv"
echo "CSV: $(($(wc -l < "$OUT/import.csv") - 1)) rows, $(du -h "$OUT/import.csv" | cut -f1)"

rm -rf "$OUT/pgdata" "$OUT/imports" "$OUT/gc.log" "$OUT/cookies"
PORT=${PORT:-18080}
PGPORT=${PGPORT:-54329}
FAIRLEAD_DATA_DIR="$OUT/pgdata" FAIRLEAD_EMBEDDED_DB_PORT=$PGPORT FAIRLEAD_PORT=$PORT FAIRLEAD_DEMO_DATA=false \
FAIRLEAD_ADMIN_PASSWORD=bench-password-2026 FAIRLEAD_IMPORT_DIR="$OUT/imports" FAIRLEAD_IMPORT_CHUNK_SIZE=$CHUNK \
FAIRLEAD_LOG_FILE="$OUT/fairlead.log" \
  java -Xmx512m -Xlog:gc:file="$OUT/gc.log" ${JFR:+-XX:StartFlightRecording=name=import,settings=profile} ${JAVA_EXTRA:-} -jar "$JAR" > "$OUT/app.out" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fs "http://localhost:$PORT/actuator/health" > /dev/null 2>&1 && break
  sleep 1
done

BASE="http://localhost:$PORT"
CSRF=$(curl -s -c "$OUT/cookies" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$OUT/cookies" -c "$OUT/cookies" -o /dev/null --data-urlencode "username=admin" \
  --data-urlencode "password=bench-password-2026" --data-urlencode "_csrf=$CSRF" "$BASE/login"
CSRF=$(curl -s -b "$OUT/cookies" "$BASE/" | grep -o '<meta name="_csrf" content="[^"]*"' | sed 's/.*content="//;s/"$//')

if [ -n "${REPS:-}" ]; then
  api() { curl -fs -b "$OUT/cookies" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' -X "$1" "$BASE$2" -d "$3"; }
  COMPANY=$(api POST /api/teams '{"name":"压测公司 Bench","kind":"COMPANY"}' | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  TEAM=$(api POST /api/teams "{\"name\":\"压测销售组 Bench\",\"kind\":\"TEAM\",\"parentId\":$COMPANY}" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  for i in $(seq 1 "$REPS"); do
    api POST /api/reps "{\"teamId\":$TEAM,\"name\":\"压测销售 $i\",\"tier\":\"REGULAR\",\"weight\":$((i % 3 + 1)),
      \"maxOpenLeads\":100000,\"maxNewPerDay\":10000,\"maxNewPerMonth\":100000,
      \"workingDays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]}" > /dev/null
  done
  DRAFT=$(api POST /api/routing/rule-sets '{"name":"压测规则 Bench"}')
  DRAFT_ID=$(echo "$DRAFT" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  ROW_VERSION=$(echo "$DRAFT" | grep -o '"rowVersion":[0-9]*' | cut -d: -f2)
  api PUT "/api/routing/rule-sets/$DRAFT_ID" "{\"name\":\"压测规则 Bench\",\"rowVersion\":$ROW_VERSION,\"rules\":[
    {\"name\":\"大单 least loaded\",\"conditions\":[{\"field\":\"BUDGET\",\"operator\":\"RANGE\",\"min\":500000}],
     \"targetKind\":\"TEAM\",\"teamId\":$TEAM,\"strategy\":\"LEAST_LOADED\"},
    {\"name\":\"其余 weighted\",\"conditions\":[],\"targetKind\":\"TEAM\",\"teamId\":$TEAM,
     \"strategy\":\"WEIGHTED_ROUND_ROBIN\"}]}" > /dev/null
  api POST "/api/routing/rule-sets/$DRAFT_ID/activate" '{"reason":"bench"}' > /dev/null
  echo "team $TEAM with $REPS reps, rule set $DRAFT_ID active"
fi

UPLOAD_START=$(date +%s.%N)
JOB=$(curl -s -b "$OUT/cookies" -H "X-CSRF-TOKEN: $CSRF" -F "file=@$OUT/import.csv" "$BASE/api/imports?start=true" \
  | grep -o '"job":{"id":[0-9]*' | grep -o '[0-9]*$')
UPLOADED=$(date +%s.%N)
echo "import job $JOB, upload $(echo "$UPLOADED - $UPLOAD_START" | bc) s"
while true; do
  STATE=$(curl -s -b "$OUT/cookies" "$BASE/api/imports/$JOB")
  STATUS=$(echo "$STATE" | grep -o '"status":"[A-Z]*"' | head -1 | cut -d'"' -f4)
  if [ "$STATUS" = "DONE" ] || [ "$STATUS" = "FAILED" ]; then break; fi
  sleep 5
done
echo "$STATE"
echo "$STATE" | python3 -c '
import json, sys, datetime
j = json.load(sys.stdin)
p = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
secs = (p(j["finishedAt"]) - p(j["startedAt"])).total_seconds()
print("FAIRLEAD rows=%d accepted=%d merged=%d rejected=%d seconds=%.1f rows_per_second=%.0f"
      % (j["rowsRead"], j["accepted"], j["merged"], j["rejected"], secs, j["rowsRead"] / secs))
'
if [ -n "${JFR:-}" ]; then jcmd $APP JFR.dump name=import filename="$(pwd)/$OUT/import.jfr" > /dev/null; fi
if [ -n "${REPS:-}" ]; then
  ASSIGNED=$(curl -s -b "$OUT/cookies" "$BASE/api/routing/ledger?period=MONTH" | grep -o '"leads":[0-9]*' | cut -d: -f2 | paste -sd+ | bc)
  echo "assigned to reps (ledger leads this month): ${ASSIGNED:-0}"
fi
python3 - "$OUT/gc.log" <<'PY'
import re, sys
peak = 0
for line in open(sys.argv[1]):
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        peak = max(peak, int(m.group(1)))
print(f"PEAK heap before GC: {peak} MB (of -Xmx512m)")
PY
java -cp "$PGJAR" bench/import/TableSizes.java "jdbc:postgresql://localhost:$PGPORT/fairlead" postgres
java -cp "$PGJAR" bench/import/CopyBaseline.java "jdbc:postgresql://localhost:$PGPORT/fairlead" postgres "$OUT/import.csv"
# The floor: only writing the rows the import stored (lead, score, audit, accounting, routing, moves, timers), with COPY.
java -cp "$PGJAR" bench/import/WriteSetFloor.java "jdbc:postgresql://localhost:$PGPORT/fairlead" postgres
if [ "$IMPORT_ROWS" != "$ROWS" ]; then
  echo "COPY of the whole generated file ($ROWS rows):"
  java -cp "$PGJAR" bench/import/CopyBaseline.java "jdbc:postgresql://localhost:$PGPORT/fairlead" postgres "$OUT/leads-$ROWS.csv"
fi
