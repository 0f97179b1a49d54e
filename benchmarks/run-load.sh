#!/usr/bin/env bash
# Builds the benchmarks from a clean checkout and runs the load programs whose figures are in BENCHMARKS.md:
# tracking encoding and end-to-end delivery to the testkit (issue 3), then visitor load+save on H2 and
# PostgreSQL, the outbox drained by two relays and the idle relay's transactions (issue 4). PostgreSQL must run
# on 127.0.0.1:5432 (user postgres; KAMELEOON_TEST_PG_PASSWORD if it needs a password), as .ci/run ensures.
# About 4 minutes. Exits non-zero when a program fails.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -DskipTests -pl benchmarks -am install
JAR=benchmarks/target/benchmarks.jar
java -cp "$JAR" com.kameleoon.benchmarks.load.DeliveryThroughput "${LINES_PER_VISITOR:-100}"
java -Dkameleoon.bench.pg.password="${KAMELEOON_TEST_PG_PASSWORD:-}" -cp "$JAR" \
  com.kameleoon.benchmarks.load.PersistenceThroughput "${SECONDS_PER_RUN:-15}" "${OUTBOX_LINES:-200000}" 2>&1 \
  | grep -v -E '^(INFO|WARNING): |^[A-Z][a-z]{2} [0-9]+, [0-9]{4} |^SLF4J'
