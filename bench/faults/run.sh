#!/usr/bin/env bash
# The fault tests at full size (not part of ./mvnw verify, which runs them smaller or once):
#   two Fairlead processes on one PostgreSQL under 200 clients for 100,000 leads,
#   a node killed with kill -9 in the middle of a 100,000-row import,
#   the database restarted under 32 clients.
# Each test prints one line of figures; results go to docs/reliability.md.
#
#   bench/faults/run.sh                                   # all three, full size
#   LEADS=20000 CLIENTS=200 bench/faults/run.sh nodes     # one of them: nodes | import | restart
set -euo pipefail
cd "$(dirname "$0")/../.."
LEADS=${LEADS:-100000}
CLIENTS=${CLIENTS:-200}
ROWS=${ROWS:-100000}
RESTART_CLIENTS=${RESTART_CLIENTS:-32}
PER_CLIENT=${PER_CLIENT:-200}
case "${1:-all}" in
  nodes) TESTS=TwoNodesUnderLoadIT ;;
  import) TESTS=ImportSurvivesAKilledNodeIT ;;
  restart) TESTS=DatabaseRestartUnderLoadIT ;;
  all) TESTS=TwoNodesUnderLoadIT,ImportSurvivesAKilledNodeIT,DatabaseRestartUnderLoadIT ;;
  *) echo "usage: $0 [nodes|import|restart|all]" >&2; exit 2 ;;
esac
mkdir -p target
./mvnw -B -ntp verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$TESTS" \
  -Dfault.nodes.leads="$LEADS" -Dfault.nodes.clients="$CLIENTS" -Dfault.import.rows="$ROWS" \
  -Dfault.restart.clients="$RESTART_CLIENTS" -Dfault.restart.leads-per-client="$PER_CLIENT" | tee target/bench-faults.log \
  | grep -E "^(Two nodes|Import of|Database restarted)|Tests run:|FAIL" || true
grep -E "^(Two nodes|Import of|Database restarted)" target/bench-faults.log
