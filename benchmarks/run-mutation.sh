#!/usr/bin/env bash
# Mutation testing (PIT) of the code whose tests decide correctness: evaluation, targeting, hashing and tracking
# encoding (core, threshold 90 %), the unit of work and the in-memory store and outbox (core, 80 %), the JDBC store
# and outbox (persistence, 80 %). Each group runs only the tests that decide it. Fails when a group is below its
# threshold. The store group runs against the machine's PostgreSQL (127.0.0.1:5432) and MariaDB (127.0.0.1:3306)
# when they listen, as .ci/run sets them up (PIT starts many test JVMs, each of which would otherwise start its own
# embedded servers); KAMELEOON_TEST_PG_URL / KAMELEOON_TEST_MYSQL_URL choose others. Reports:
# core/target/pit-reports/{evaluation,unit-of-work}/ and persistence/target/pit-reports/store/ (index.html,
# mutations.csv); survivors are discussed in docs/MUTATION.md. About 20 minutes on 2 CPUs.
set -euo pipefail
cd "$(dirname "$0")/.."
listens() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [[ -z "${KAMELEOON_TEST_PG_URL:-}" ]] && listens 5432; then
  export KAMELEOON_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/postgres
fi
if [[ -z "${KAMELEOON_TEST_MYSQL_URL:-}" ]] && listens 3306; then
  export KAMELEOON_TEST_MYSQL_URL=jdbc:mariadb://127.0.0.1:3306/
fi
mvn -B -q -ntp install -DskipTests -DskipITs
status=0
mvn -B -ntp -P mutation -pl core,persistence verify || status=$?
for report in core/target/pit-reports/evaluation core/target/pit-reports/unit-of-work \
    persistence/target/pit-reports/store; do
  csv="$report/mutations.csv"
  if [[ -f "$csv" ]]; then
    awk -F, -v group="$(basename "$report")" '
      { total++; status[$6]++ }
      END {
        detected = status["KILLED"] + status["TIMED_OUT"] + status["MEMORY_ERROR"] + status["RUN_ERROR"]
        printf "mutation %-13s %5d mutants, %5d detected (%.1f %%), %4d survived, %4d without coverage\n",
          group, total, detected, total ? 100 * detected / total : 0, status["SURVIVED"], status["NO_COVERAGE"]
      }' "$csv"
  else
    echo "mutation $(basename "$report"): no report"
  fi
done
exit "$status"
