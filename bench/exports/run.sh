#!/usr/bin/env bash
# Export benchmark (not part of ./mvnw verify): $ROWS leads inserted with one SQL statement, then the
# whole lead list exported as CSV and as XLSX by the admin over HTTP (GET /api/leads/export), in a
# JVM capped at -Xmx256m. Prints the time and size of each file and the peak heap seen in the GC log.
# Results: docs/benchmarks.md.
#
#   ROWS=1000000 bench/exports/run.sh
set -euo pipefail
ROWS=${ROWS:-1000000}
cd "$(dirname "$0")/../.."
OUT=target/bench-exports
mkdir -p "$OUT"
JAR=$(ls target/fairlead-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -B package -DskipTests
  JAR=$(ls target/fairlead-*.jar | grep -v plain | head -1)
fi
PGJAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)

rm -rf "$OUT/pgdata" "$OUT/gc.log" "$OUT/cookies"
PORT=${PORT:-18081}
PGPORT=${PGPORT:-54339}
FAIRLEAD_DATA_DIR="$OUT/pgdata" FAIRLEAD_EMBEDDED_DB_PORT=$PGPORT FAIRLEAD_PORT=$PORT FAIRLEAD_DEMO_DATA=false \
FAIRLEAD_ADMIN_PASSWORD=bench-password-2026 FAIRLEAD_LOG_FILE="$OUT/fairlead.log" FAIRLEAD_EXPORTS_MAX_ROWS=$ROWS \
  java -Xmx256m -Xlog:gc:file="$OUT/gc.log" ${JAVA_EXTRA:-} -jar "$JAR" > "$OUT/app.out" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fs "http://localhost:$PORT/actuator/health" > /dev/null 2>&1 && break
  sleep 1
done
java -cp "$PGJAR" bench/exports/InsertLeads.java "jdbc:postgresql://localhost:$PGPORT/fairlead" postgres "$ROWS"

BASE="http://localhost:$PORT"
CSRF=$(curl -s -c "$OUT/cookies" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$OUT/cookies" -c "$OUT/cookies" -o /dev/null --data-urlencode "username=admin" \
  --data-urlencode "password=bench-password-2026" --data-urlencode "_csrf=$CSRF" "$BASE/login"
: > "$OUT/gc.log.mark"
for FORMAT in csv xlsx; do
  START=$(date +%s.%N)
  curl -fs -b "$OUT/cookies" -H 'Accept-Language: zh-CN' -o "$OUT/leads.$FORMAT" "$BASE/api/leads/export?format=$FORMAT"
  END=$(date +%s.%N)
  printf '%s: %s rows, %s, %.1f s (%.0f rows/s)\n' "$FORMAT" "$ROWS" "$(du -h "$OUT/leads.$FORMAT" | cut -f1)" \
    "$(echo "$END - $START" | bc)" "$(echo "$ROWS / ($END - $START)" | bc -l)"
done
echo "CSV lines (header included): $(wc -l < "$OUT/leads.csv")"
python3 - "$OUT/gc.log" <<'PY'
import re, sys
peak = 0
for line in open(sys.argv[1]):
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        peak = max(peak, int(m.group(1)))
print(f"PEAK heap before GC: {peak} MB (of -Xmx256m), start-up and inserts included")
PY
