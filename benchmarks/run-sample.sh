#!/usr/bin/env bash
# The sample shop's product page under load on one Tomcat 11 node (H2): wrk with visitors drawn from a pool of
# cookies (visitor code + kameleoonLegalConsent=accepted), so every request evaluates the flag and tracks the
# exposure. A warm-up, then measured runs; prints a Markdown table (requests/s, p50, p99). Needs wrk (Debian package
# `wrk`). Bounded to 10 minutes, build included; exits non-zero on a failure or any error answer.
# Settings: WARMUP_SECONDS (15), MEASURED_SECONDS (30), CONNECTIONS (1,32), VISITORS (10000).
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_SECONDS=600
if ! command -v wrk >/dev/null 2>&1; then
  echo "run-sample.sh: wrk is required (apt-get install wrk)" >&2
  exit 1
fi
# The WAR, the unpacked Tomcat (-Dcontainers.skip=false, since the tests are skipped) and
# target/test-classpath.txt (package phase); no tests.
timeout 420 mvn -q -B -ntp -pl sample-war -am -DskipTests -DskipITs -Dcontainers.skip=false package
T=sample-war/target
remaining=$((BUDGET_SECONDS - SECONDS - 15))
if [ "$remaining" -lt 60 ]; then
  echo "run-sample.sh: the build left only ${remaining}s of the ${BUDGET_SECONDS}s budget" >&2
  exit 1
fi
# SIGTERM first, so the driver's shutdown hooks stop Tomcat; a kill 10 s later.
timeout --kill-after=10 "$remaining" java -Xmx512m \
  -Dkameleoon.sample.war="$T/kameleoon-sample.war" \
  -Dkameleoon.it.tomcat11="$(ls -d "$T"/containers/apache-tomcat-11.* | head -n 1)" \
  -Dkameleoon.it.work="$T/bench-work" \
  -cp "$T/test-classes:$T/classes:$(cat "$T/test-classpath.txt")" \
  com.kameleoon.sample.bench.SampleLoadBenchmark "${WARMUP_SECONDS:-15}" "${MEASURED_SECONDS:-30}" \
  "${CONNECTIONS:-1,32}" "${VISITORS:-10000}"
