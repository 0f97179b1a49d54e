#!/usr/bin/env bash
# The servlet filter's cost on a real Tomcat 11 (issues 5 and 7): wrk against the test WAR's hello servlet in four
# contexts of one server — filter off, filter with the in-memory store, with the JDBC store on H2, and on a fresh
# PostgreSQL database (127.0.0.1:5432, user postgres; KAMELEOON_TEST_PG_PASSWORD if needed; dropped afterwards) —
# and a Markdown table for BENCHMARKS.md. Needs wrk (Debian package `wrk`). About 6 minutes with the defaults
# (ROUNDS=2, SECONDS_PER_RUN=15). Exits non-zero when a run fails or answers errors.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  echo "run-filter.sh: wrk is required (apt-get install wrk)" >&2
  exit 1
fi
# Builds the WAR and unpacks the Tomcat distribution (pre-integration-test; -Dcontainers.skip=false, since the
# tests are skipped); the integration tests are skipped.
mvn -q -B -ntp -DskipTests -DskipITs -Dcontainers.skip=false -pl jakarta-ee-it -am install
CP_FILE=jakarta-ee-it/target/bench-classpath.txt
mvn -q -B -ntp -pl jakarta-ee-it dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$CP_FILE"
IT=jakarta-ee-it/target
java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dkameleoon.it.war="$IT/kameleoon-it.war" \
  -Dkameleoon.it.tomcat11="$(ls -d "$IT"/containers/apache-tomcat-11.* | head -n 1)" \
  -Dkameleoon.it.work="$IT/bench-work" \
  -cp "$IT/test-classes:$IT/classes:$(cat "$CP_FILE")" \
  com.kameleoon.it.bench.FilterLoadBenchmark "${ROUNDS:-2}" "${SECONDS_PER_RUN:-15}"
