#!/usr/bin/env bash
# Compares this project with the official Kameleoon JavaScript SDK (@kameleoon/javascript-sdk, the exact version
# pinned in benchmarks/js/package.json) in one run on this machine, on the same datafiles, visitor codes and flag
# keys, and prints ONE Markdown table: getVariation for a warm visitor, getVariation for a new visitor and
# getVariations (every enabled flag), on the conformance example datafile and on the generated 200-flag datafile
# (DatafileGenerator, seed 42), with each side's ns/op and ops/s and the throughput ratio. Exits non-zero when the
# build, the npm install, the agreement check or a measurement fails.
#
#   benchmarks/run-js-comparison.sh          # about 4 minutes on 2 cores
#   FORKS=1 WARMUP_ITERATIONS=3 ITERATIONS=5 ITERATION_TIME=1 benchmarks/run-js-comparison.sh   # the defaults
#
# Steps:
#  1. mvn -q -DskipTests -pl benchmarks -am package (the shaded benchmarks jar);
#  2. npm ci in benchmarks/js (package-lock.json is committed; node_modules is git-ignored); needs Node.js >= 20;
#  3. ComparisonFixtures writes, under benchmarks/results/js-<time>/fixtures, the two datafiles (example.json is a
#     byte copy of the conformance example), the visitor codes and this project's variation keys for 512 check
#     visitors (256 warm ones given Device DESKTOP + Browser CHROME 120, 256 without data);
#  4. agreement check: node bench.js check compares the JS SDK's variation key of every enabled flag for these
#     visitors with this project's and aborts on any difference, except on flags whose targeting uses a condition
#     the official SDKs are known to disagree on (visit history, page-view count without page views, the clock,
#     SDK_LANGUAGE: see bench.js), which are counted and reported;
#  5. JMH: JsComparisonBenchmark (1 fork × 3 warm-up × 5 measured iterations of 1 s by default), reading the same
#     datafile files (-Dkameleoon.comparison.dir);
#  6. Node.js: node bench.js bench, the same three operations, warm-up rounds then measured rounds of the same
#     length, median (same counts as JMH's iterations);
#  7. ComparisonTable prints the table (medians on both sides).
#
# Same work on both sides: tracking off (track=false on every call), the same 1,024 warm visitor codes with the
# same data, evaluated for every flag before timing, the same new-visitor codes ("n" + 15 base-36 digits of a
# counter, made inside the timed call on both sides) on a client recreated for each iteration/round.
#
# The JS SDK offline (it is a browser SDK): its `externals` option replaces the network and the browser: a
# `requester` that answers the configuration request with the datafile file and counts any other request (the run
# fails if one is made), an in-memory `storage` instead of localStorage, no-op `visitorCodeManager` (cookies) and
# `eventSource` (real-time update); `_internals.platformAnalyzer` returns nothing, as Node.js 20 has no `navigator`
# to parse (and so no Browser/OS/Device data is added behind the caller's back). No globals are stubbed.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR="$ROOT/benchmarks/target/benchmarks.jar"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/benchmarks/results/js-$STAMP"
FIXTURES="$OUT/fixtures"
FORKS=${FORKS:-1}
WARMUP_ITERATIONS=${WARMUP_ITERATIONS:-3}
ITERATIONS=${ITERATIONS:-5}
ITERATION_TIME=${ITERATION_TIME:-1}

command -v node >/dev/null || { echo "node (>= 20) is required" >&2; exit 1; }
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
if [[ $NODE_MAJOR -lt 20 ]]; then
  echo "Node.js >= 20 is required, found $(node -v)" >&2
  exit 1
fi

echo "==> building (mvn -q -DskipTests -pl benchmarks -am package)"
mvn -q -DskipTests -pl benchmarks -am package

echo "==> npm ci (benchmarks/js)"
(cd benchmarks/js && npm ci --no-audit --no-fund --loglevel=error)

mkdir -p "$OUT"
{
  echo "date (UTC):   $STAMP"
  echo "git commit:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (modified)')"
  echo "nproc:        $(nproc)"
  echo "cpu:          $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "java:         $(java -version 2>&1 | head -1)"
  echo "node:         $(node -v)"
  echo "js sdk:       @kameleoon/javascript-sdk $(node -p 'require("./benchmarks/js/node_modules/@kameleoon/javascript-sdk/package.json").version')"
  echo "load before:  $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"
if awk -v cpus="$(nproc)" '{exit !($1 > cpus / 2)}' /proc/loadavg; then
  echo "WARNING: load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) CPUs: other processes compete with the" \
       "benchmarks; the ratio is fairer than either figure, but compare runs only at similar load." >&2
fi

echo "==> fixtures: datafiles, visitor codes, this project's variations ($FIXTURES)"
java -cp "$JAR" com.kameleoon.benchmarks.ComparisonFixtures "$FIXTURES"

echo "==> agreement check (node benchmarks/js/bench.js check)"
node benchmarks/js/bench.js check "$FIXTURES" 2>&1 | tee "$OUT/agreement.txt"
if [[ ${PIPESTATUS[0]} -ne 0 ]]; then
  echo "the JavaScript SDK and this project disagree: no timing; see $OUT/agreement.txt" >&2
  exit 1
fi

echo "==> JMH: JsComparisonBenchmark (-f $FORKS -wi $WARMUP_ITERATIONS -i $ITERATIONS, ${ITERATION_TIME} s)"
set +e
java -jar "$JAR" 'JsComparisonBenchmark' -f "$FORKS" -wi "$WARMUP_ITERATIONS" -w "${ITERATION_TIME}s" \
  -i "$ITERATIONS" -r "${ITERATION_TIME}s" -foe true \
  -jvmArgsAppend "-Xms2g -Xmx2g -Dkameleoon.comparison.dir=$FIXTURES" \
  -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.txt" 2>&1
STATUS=$?
set -e
grep -E '^(Benchmark|JsComparisonBenchmark)' "$OUT/jmh.txt" || true
if [[ $STATUS -ne 0 ]] || grep -q '<failure>' "$OUT/jmh.txt"; then
  echo "JMH failed (exit $STATUS); output in $OUT/jmh.txt" >&2
  exit 1
fi

echo "==> Node.js: node benchmarks/js/bench.js bench ($WARMUP_ITERATIONS warm-up + $ITERATIONS rounds of ${ITERATION_TIME} s)"
WARMUP_ROUNDS=$WARMUP_ITERATIONS ROUNDS=$ITERATIONS ROUND_SECONDS=$ITERATION_TIME \
  node benchmarks/js/bench.js bench "$FIXTURES" "$OUT/js.json" 2>&1 | tee "$OUT/js.txt"
if [[ ${PIPESTATUS[0]} -ne 0 ]]; then
  echo "the Node.js harness failed; output in $OUT/js.txt" >&2
  exit 1
fi
REQUESTS=$(node -p "require('$OUT/js.json').nonConfigurationRequests")
if [[ $REQUESTS -ne 0 ]]; then
  echo "the JavaScript SDK made $REQUESTS tracking/data requests: the two sides did not do the same work" >&2
  exit 1
fi

echo "load after:   $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
echo
java -cp "$JAR" com.kameleoon.benchmarks.ComparisonTable "$OUT/jmh.json" "$OUT/js.json" | tee "$OUT/table.md"
echo
grep '^agreement:' "$OUT/agreement.txt"
echo "results: $OUT"
