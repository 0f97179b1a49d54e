# Shared by run-memory.sh, run-outbox.sh and run-startup.sh (sourced, not run): the 10-minute bound, the build
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
