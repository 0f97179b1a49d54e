#!/usr/bin/env bash
# Metrics overhead (issue 16): MetricsOverheadBenchmark, i.e. a warm getVariation (tracked and untracked) on a client
# nobody watches against one with kameleoon-micrometer's KameleoonMetrics bound to a SimpleMeterRegistry, side by
# side in one JMH run with the GC profiler. Builds what it needs (package, no install); about 1½ minutes after the
# build, bounded by 10 minutes; exits non-zero when the build or a benchmark fails.
#
#   benchmarks/run-metrics.sh            # FORKS=1 WARMUP_ITERATIONS=3 WARMUP_TIME=2s ITERATIONS=5 ITERATION_TIME=2s
#   benchmarks/run-metrics.sh -prof jfr  # more JMH options (not -f/-wi/-w/-i/-r)
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/bench-lib.sh
bound_to_ten_minutes "$@"
ROOT=$(pwd)
JAR="$ROOT/benchmarks/target/benchmarks.jar"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$ROOT/benchmarks/results"
JSON="$RESULTS/jmh-metrics-$STAMP.json"
TEXT="$RESULTS/jmh-metrics-$STAMP.txt"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  BUILD_GOAL=package build_benchmarks
fi
mkdir -p "$RESULTS"
echo "git commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (modified)')"
echo "load average before: $(load_average)"
set +e
java -jar "$JAR" 'MetricsOverheadBenchmark' -f "${FORKS:-1}" -wi "${WARMUP_ITERATIONS:-3}" -w "${WARMUP_TIME:-2s}" \
  -i "${ITERATIONS:-5}" -r "${ITERATION_TIME:-2s}" -prof gc -foe true -jvmArgsAppend "-Xms2g -Xmx2g" "$@" \
  -rf json -rff "$JSON" 2>&1 | tee "$TEXT"
STATUS=${PIPESTATUS[0]}
set -e
echo "load average after: $(load_average)"
if [[ $STATUS -ne 0 ]] || grep -q '<failure>' "$TEXT"; then
  echo "JMH failed (exit $STATUS); output in $TEXT" >&2
  exit 1
fi
echo "results: $JSON, $TEXT"
