# Shared by the run-*.sh scripts (sourced, not run): the 10-minute bound, the build, the load average and a JMH run
# and the load average. Expects to be sourced from the repository root with `set -euo pipefail` in force.

# Re-runs the calling script under `timeout 600` once, so that a hung run ends with a non-zero status.
bound_to_ten_minutes() {
  if [[ -z "${KAMELEOON_BENCH_BOUNDED:-}" ]]; then
    KAMELEOON_BENCH_BOUNDED=1 exec timeout --kill-after=10 600 "$0" "$@"
  fi
}

# Builds the shaded benchmarks jar from a clean checkout (tests skipped), as run-load.sh does.
# BUILD_GOAL=package builds without installing the modules into ~/.m2.
build_benchmarks() {
  echo "==> mvn -q -B -ntp -DskipTests -pl benchmarks -am ${BUILD_GOAL:-install}" >&2
  mvn -q -B -ntp -DskipTests -pl benchmarks -am "${BUILD_GOAL:-install}"
}

load_average() {
  cut -d' ' -f1-3 /proc/loadavg
}

# Runs one JMH benchmark class with the GC profiler, the settings FORKS, WARMUP_ITERATIONS, WARMUP_TIME, ITERATIONS
# and ITERATION_TIME (defaults 1, 3, 2s, 5, 2s), a 2 GiB heap, the load average around it and the results in
# benchmarks/results/jmh-<name>-<time>.{json,txt}; sets JSON and TEXT to those files. Builds the jar first unless
# SKIP_BUILD is set. Exits non-zero when the build or a benchmark fails.
#   run_jmh_with_gc <name> <benchmark class> [more JMH options]
run_jmh_with_gc() {
  local name=$1 benchmark=$2
  shift 2
  local jar results stamp status
  jar="$(pwd)/benchmarks/target/benchmarks.jar"
  results="$(pwd)/benchmarks/results"
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  JSON="$results/jmh-$name-$stamp.json"
  TEXT="$results/jmh-$name-$stamp.txt"
  if [[ -z "${SKIP_BUILD:-}" ]]; then
    BUILD_GOAL=package build_benchmarks
  fi
  mkdir -p "$results"
  echo "git commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (modified)')"
  echo "load average before: $(load_average)"
  set +e
  java -jar "$jar" "$benchmark" -f "${FORKS:-1}" -wi "${WARMUP_ITERATIONS:-3}" -w "${WARMUP_TIME:-2s}" \
    -i "${ITERATIONS:-5}" -r "${ITERATION_TIME:-2s}" -prof gc -foe true -jvmArgsAppend "-Xms2g -Xmx2g" "$@" \
    -rf json -rff "$JSON" 2>&1 | tee "$TEXT"
  status=${PIPESTATUS[0]}
  set -e
  echo "load average after: $(load_average)"
  if [[ $status -ne 0 ]] || grep -q '<failure>' "$TEXT"; then
    echo "JMH failed (exit $status); output in $TEXT" >&2
    exit 1
  fi
}
