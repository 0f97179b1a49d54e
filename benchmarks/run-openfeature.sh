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
ROOT=$(pwd)
JAR="$ROOT/benchmarks/target/benchmarks.jar"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$ROOT/benchmarks/results"
JSON="$RESULTS/jmh-openfeature-$STAMP.json"
TEXT="$RESULTS/jmh-openfeature-$STAMP.txt"

BUILD_GOAL=package build_benchmarks
mkdir -p "$RESULTS"
echo "git commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (modified)')"
echo "load average before: $(load_average)"
set +e
java -jar "$JAR" 'OpenFeatureBenchmark' -f "${FORKS:-1}" -wi "${WARMUP_ITERATIONS:-3}" -w "${WARMUP_TIME:-2s}" \
  -i "${ITERATIONS:-5}" -r "${ITERATION_TIME:-2s}" -prof gc -foe true -jvmArgsAppend "-Xms2g -Xmx2g" "$@" \
  -rf json -rff "$JSON" 2>&1 | tee "$TEXT"
STATUS=${PIPESTATUS[0]}
set -e
echo "load average after: $(load_average)"
if [[ $STATUS -ne 0 ]] || grep -q '<failure>' "$TEXT"; then
  echo "JMH failed (exit $STATUS); output in $TEXT" >&2
  exit 1
fi
echo
java -cp "$JAR" com.kameleoon.benchmarks.OpenFeatureTable "$JSON"
echo
echo "results: $JSON, $TEXT"
