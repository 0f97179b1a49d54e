#!/usr/bin/env bash
# The sample shop's product page on the two-node cluster (sample-war/cluster): a fresh PostgreSQL database, a
# collector and two shop nodes (Tomcat 11, free ports), then wrk against both nodes at once (one wrk per node,
# a Lua script drawing one of 10,000 visitor cookies per request, consent accepted so every view is tracked
# through the shared outbox): a 10 s warm-up, then SECONDS_PER_RUN (30) measured. Prints requests/s, p50 and p99
# per node and for the cluster as a Markdown table; drops the database. Needs wrk (Debian package `wrk`) and
# PostgreSQL on 127.0.0.1:5432 (KAMELEOON_TEST_PG_URL / _USER / _PASSWORD, as for sample-war/cluster/start.sh).
# Builds sample-war (package, tests skipped) when its WAR or test classes are missing (REBUILD=1 forces it).
# Bounded by 10 minutes in all; exits non-zero when a run fails or answers errors.
# Usage: benchmarks/run-sample-cluster.sh   (CONNECTIONS_PER_NODE=16, SECONDS_PER_RUN=30)
set -euo pipefail
if [[ -z "${RUN_SAMPLE_CLUSTER_BOUNDED:-}" ]]; then
  RUN_SAMPLE_CLUSTER_BOUNDED=1 exec timeout 600 "$0" "$@"
fi
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  echo "run-sample-cluster.sh: wrk is required (apt-get install wrk)" >&2
  exit 1
fi
# The figures in BENCHMARKS.md were taken on the machine's PostgreSQL server: use it, not the tests' embedded one.
export KAMELEOON_TEST_PG_URL="${KAMELEOON_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
source sample-war/cluster/cluster-env.sh
build_if_missing
tomcat="$(ls -d "$TARGET"/containers/apache-tomcat-11.* | head -n 1)"
java -Xmx512m -Dkameleoon.it.tomcat11="$tomcat" -Dkameleoon.sample.war="$TARGET/kameleoon-sample.war" \
  -Dkameleoon.it.work="$TARGET/bench-cluster" \
  -cp "$TARGET/test-classes:$(cat "$TARGET/test-classpath.txt")" \
  com.kameleoon.sample.cluster.ClusterBenchmark "${SECONDS_PER_RUN:-30}" "${CONNECTIONS_PER_NODE:-16}"
