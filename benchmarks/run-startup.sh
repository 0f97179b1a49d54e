#!/usr/bin/env bash
# Client start-up with a local datafile (issue 7, part 5): KameleoonClientFactory.create → waitInit() completed,
# offline (data_file only), for the example datafile and DatafileGenerator's 200-flag datafile (seed 42). Cold:
# COLD_RUNS (10) fresh JVMs per datafile (default JVM options), median and max; warm: WARM_REPEATS (100)
# create/close cycles in one JVM per datafile, the first fifth discarded. Builds what it needs; about 1 minute
# after the build, bounded by 10 minutes; prints a Markdown table and exits non-zero when a run fails.
#   benchmarks/run-startup.sh                 COLD_RUNS=10 WARM_REPEATS=100
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/bench-lib.sh
bound_to_ten_minutes "$@"
build_benchmarks
echo "load average before: $(load_average)"
java -cp benchmarks/target/benchmarks.jar com.kameleoon.benchmarks.startup.StartupTime \
  "${COLD_RUNS:-10}" "${WARM_REPEATS:-100}"
echo
echo "load average after: $(load_average)"
