#!/usr/bin/env bash
# Metrics overhead (issue 16): MetricsOverheadBenchmark, i.e. a warm getVariation (tracked and untracked) on a client
# nobody watches (metrics=off) and on one with kameleoon-micrometer's KameleoonMetrics bound to a SimpleMeterRegistry
# (metrics=on), each setting in its own forks, side by side in one JMH run with the GC profiler. Builds what it needs
# (package, no install); about 1½ minutes after the build (FORKS=5 ITERATIONS=8: 8½), bounded by 10 minutes; exits
# non-zero when the build or a benchmark fails.
#
#   benchmarks/run-metrics.sh            # FORKS=1 WARMUP_ITERATIONS=3 WARMUP_TIME=2s ITERATIONS=5 ITERATION_TIME=2s
#   benchmarks/run-metrics.sh -prof jfr  # more JMH options (not -f/-wi/-w/-i/-r)
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/bench-lib.sh
bound_to_ten_minutes "$@"
run_jmh_with_gc metrics 'MetricsOverheadBenchmark' "$@"
echo "results: $JSON, $TEXT"
