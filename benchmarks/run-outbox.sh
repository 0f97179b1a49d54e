#!/usr/bin/env bash
# The durable outbox on PostgreSQL (issue 7, part 4), as Markdown tables:
#  (a) lines per second drained by two relays (PersistenceThroughput with its visitor runs skipped: OUTBOX_LINES
#      (200,000) pre-filled lines, two JdbcOutbox + TrackingRelay pairs into the testkit), and the idle relay's
#      claim queries per minute;
#  (b) end-to-end latency from trackConversion to the collector (OutboxLatency: the client on the JDBC store and
#      outbox, its relay posting to a testkit backend; CALLS (1,000) new visitors at RATE (20) calls/s after
#      WARMUP (100)), once per tracking_interval_millisecond in INTERVALS (1000 5000).
# PostgreSQL must run on 127.0.0.1:5432 (user postgres; KAMELEOON_TEST_PG_PASSWORD if it needs a password); each
# program uses a database of its own and drops it. Builds what it needs; about 4 minutes after the build, bounded
# by 10 minutes; exits non-zero when the build or a run fails (or a conversion never reaches the collector).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/bench-lib.sh
bound_to_ten_minutes "$@"
build_benchmarks
JAR=benchmarks/target/benchmarks.jar
JAVA=(java -Xmx1g -Dkameleoon.bench.pg.password="${KAMELEOON_TEST_PG_PASSWORD:-}" -cp "$JAR")
QUIET='^(INFO|WARNING): |^[A-Z][a-z]{2} [0-9]+, [0-9]{4} |^SLF4J'
echo "load average before: $(load_average)"

DRAIN=$(mktemp)
LATENCY=$(mktemp)
trap 'rm -f "$DRAIN" "$LATENCY"' EXIT
"${JAVA[@]}" com.kameleoon.benchmarks.load.PersistenceThroughput 0 "${OUTBOX_LINES:-200000}" 2>&1 \
  | { grep -v -E "$QUIET" || true; } | tee "$DRAIN"
echo "load average after the drain: $(load_average)"

for interval in ${INTERVALS:-1000 5000}; do
  "${JAVA[@]}" com.kameleoon.benchmarks.load.OutboxLatency "${CALLS:-1000}" "${RATE:-20}" "${WARMUP:-100}" \
    "$interval" 2>&1 | { grep -v -E "$QUIET" || true; } | tee -a "$LATENCY"
  echo "load average after interval $interval ms: $(load_average)"
done

echo
echo "| interval | count | missing | time | p50 (ms) | p99 (ms) | max (ms) |"
echo "|---:|---:|---:|---|---:|---:|---:|"
grep -E '^\| [0-9]+ ms \|' "$LATENCY"
echo
echo "| outbox figure (PersistenceThroughput) | measured |"
echo "|---|---|"
sed -n -E 's/^(outbox drained by two relays on PostgreSQL|idle relay): (.*)$/| \1 | \2 |/p' "$DRAIN"
grep -q '^outbox drained by two relays' "$DRAIN"
