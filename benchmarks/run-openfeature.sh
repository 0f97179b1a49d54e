#!/usr/bin/env bash
# OpenFeature provider overhead (issue 15): OpenFeatureBenchmark, i.e. Client.getBooleanValue through
# kameleoon-openfeature's KameleoonProvider against isFeatureActive on the same warm client, datafile and visitors,
# in one JMH run with the GC profiler; prints every benchmark (ns/op, B/op) and the overhead of each OpenFeature call
# over its direct baseline (ns and ratio) as Markdown tables. Builds what it needs (package, no install); about
# 2½ minutes after the build, bounded by 10 minutes; exits non-zero when the build or a benchmark fails.
#
#   benchmarks/run-openfeature.sh            # FORKS=1 WARMUP_ITERATIONS=3 WARMUP_TIME=2s ITERATIONS=5 ITERATION_TIME=2s
#   benchmarks/run-openfeature.sh -prof jfr  # more JMH options (not -f/-wi/-w/-i/-r)
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/bench-lib.sh
bound_to_ten_minutes "$@"
JAR="$(pwd)/benchmarks/target/benchmarks.jar"
run_jmh_with_gc openfeature 'OpenFeatureBenchmark' "$@"
echo
java -cp "$JAR" com.kameleoon.benchmarks.OpenFeatureTable "$JSON"
echo
echo "results: $JSON, $TEXT"
