#!/usr/bin/env bash
# Heap per in-memory visitor with typical data (issue 7, part 2): 5 custom data, 10 page views and 3 assignments
# (real getVariation on 3 flags of the example datafile), measured over VISITORS (100,000) new visitors with
# MemoryMXBean after full GCs, and over LINEARITY (25,000 and 400,000) to show it grows linearly. One JVM with a
# fixed 3 GiB heap (G1). Builds what it needs; about 1 minute after the build, bounded by 10 minutes; prints a
# Markdown table and exits non-zero when the build or the run fails.
#   benchmarks/run-memory.sh                  VISITORS=100000 LINEARITY="25000 400000"
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/bench-lib.sh
bound_to_ten_minutes "$@"
build_benchmarks
echo "load average before: $(load_average)"
# shellcheck disable=SC2086
java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar com.kameleoon.benchmarks.memory.VisitorMemory \
  "${VISITORS:-100000}" ${LINEARITY-25000 400000}
echo
echo "load average after: $(load_average)"
