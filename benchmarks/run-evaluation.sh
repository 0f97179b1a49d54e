#!/usr/bin/env bash
# Builds the benchmarks from a clean checkout, runs every JMH benchmark of the module with the GC profiler,
# writes the results under benchmarks/results/ (git-ignored) and prints them as a Markdown table with the
# issue's targets. Exits non-zero when the build or any benchmark fails.
#
#   benchmarks/run-evaluation.sh                                 # everything, about 6 minutes on 2 cores
#   FORKS=1 ITERATIONS=2 benchmarks/run-evaluation.sh 'EvaluationBenchmark.getVariationWarm$'   # a quick subset
#   benchmarks/run-evaluation.sh 'DataFileBenchmark' -prof stack     # more JMH options (not -f/-wi/-w/-i/-r)
#
# The first argument, when it is not an option, selects benchmarks (a JMH regular expression) and skips the
# cold-start run (DataFileColdBenchmark: 10 forks, one single-shot call each); the other arguments go to JMH
# as they are. JMH rejects an option given twice: change the counts with FORKS,
# WARMUP_ITERATIONS, WARMUP_TIME, ITERATIONS, ITERATION_TIME instead.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/benchmarks/results"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
JSON="$RESULTS/jmh-$STAMP.json"
TEXT="$RESULTS/jmh-$STAMP.txt"
TABLE="$RESULTS/table-$STAMP.md"
MACHINE="$RESULTS/machine-$STAMP.txt"

# Defaults: 2 forks × (4 warm-up + 5 measured iterations of 1 s); fixed 2 GB heap so that the new-visitor
# benchmarks (whose store grows during an iteration) see the same GC configuration on every machine.
JMH_DEFAULTS=(-f "${FORKS:-2}" -wi "${WARMUP_ITERATIONS:-4}" -w "${WARMUP_TIME:-1s}" -i "${ITERATIONS:-5}"
  -r "${ITERATION_TIME:-1s}" -prof gc -foe true -jvmArgsAppend "-Xms2g -Xmx2g")
# Everything but the cold-start benchmark, which runs afterwards with its own settings (single shot per fork),
# and OpenFeatureBenchmark, which has its own script and table (benchmarks/run-openfeature.sh).
SELECTION=('^com\.kameleoon\.benchmarks\.(?!DataFileColdBenchmark\.|OpenFeatureBenchmark\.).*')
COLD=1
if [[ $# -gt 0 && "$1" != -* ]]; then
  SELECTION=("$1")
  COLD=0
  shift
fi
COLD_JSON="$RESULTS/jmh-cold-$STAMP.json"
COLD_OPTIONS=(-f "${COLD_FORKS:-10}" -wi 0 -i 1 -foe true -jvmArgsAppend "-Xms2g -Xmx2g")

echo "==> building (mvn -q -DskipTests -pl benchmarks -am package)"
mvn -q -DskipTests -pl benchmarks -am package

mkdir -p "$RESULTS"
{
  echo "date (UTC):   $STAMP"
  echo "git commit:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (modified)')"
  echo "nproc:        $(nproc)"
  echo "cpu:          $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory:       $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java:         $(java -version 2>&1 | head -1)"
  echo "load before:  $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$MACHINE"
cat "$MACHINE"
if awk -v cpus="$(nproc)" '{exit !($1 > cpus / 2)}' /proc/loadavg; then
  echo "WARNING: load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) CPUs: other processes compete with the" \
       "benchmarks and inflate the times; compare runs only at similar load." >&2
fi

echo "==> java -jar benchmarks/target/benchmarks.jar ${SELECTION[*]} ${JMH_DEFAULTS[*]} $* -rf json -rff $JSON"
set +e
java -jar "$JAR" "${SELECTION[@]}" "${JMH_DEFAULTS[@]}" "$@" -rf json -rff "$JSON" 2>&1 | tee "$TEXT"
STATUS=${PIPESTATUS[0]}
if [[ $STATUS -eq 0 && $COLD -eq 1 ]]; then
  echo "==> java -jar benchmarks/target/benchmarks.jar DataFileColdBenchmark ${COLD_OPTIONS[*]} -rf json -rff $COLD_JSON"
  java -jar "$JAR" 'DataFileColdBenchmark' "${COLD_OPTIONS[@]}" -rf json -rff "$COLD_JSON" 2>&1 | tee -a "$TEXT"
  STATUS=${PIPESTATUS[0]}
fi
set -e
echo "load after:   $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$MACHINE"

if [[ $STATUS -ne 0 ]]; then
  echo "JMH failed (exit $STATUS); output in $TEXT" >&2
  exit "$STATUS"
fi
if grep -q '<failure>' "$TEXT"; then
  echo "a benchmark failed; output in $TEXT" >&2
  exit 1
fi

TABLE_INPUTS=("$JSON")
[[ $COLD -eq 1 ]] && TABLE_INPUTS+=("$COLD_JSON")
java -cp "$JAR" com.kameleoon.benchmarks.ResultsTable "${TABLE_INPUTS[@]}" | tee "$TABLE"
echo
echo "results: ${TABLE_INPUTS[*]}, $TEXT, $TABLE, $MACHINE"
