#!/usr/bin/env bash
# This project side by side with the official Kameleoon Java SDK (com.kameleoon:kameleoon-client-java:4.5.0, the
# only official build on Maven Central) in ONE run, on the same datafiles and visitors; prints one Markdown table
# and the load average before and after. Bounded by 20 minutes; exits non-zero when a step fails. Needs root, or
# another way to bind 127.0.0.1:443 (see below). About 6 minutes on 2 cores after the build.
#
#   benchmarks/run-official-comparison.sh
#   COLD_RUNS=10 WARMUP_ROUNDS=3 ROUNDS=5 ROUND_MS=1000 MEMORY_VISITORS=50000 benchmarks/run-official-comparison.sh
#
# The two SDKs define classes of the same names, so each side is its own shaded jar run in its own JVMs:
# benchmarks/target/benchmarks.jar (this project, package com.kameleoon.benchmarks.sidebyside) and
# benchmarks-official/target/benchmarks-official.jar (the official SDK, com.kameleoon.benchmarks.officialsdk).
#
# The official SDK offline. 4.5.0 has no local-datafile option and its URLs are fixed https constants
# (https://sdk-config.kameleoon.eu/<site code>); its proxy setting is unusable (it becomes a host *named*
# "http://127.0.0.1:<port>"). So LocalKameleoonServer answers on 127.0.0.1:443 with a certificate made for the run
# (keytool), and every official JVM gets -Djdk.net.hosts.file (Kameleoon's host names → 127.0.0.1; nothing else
# resolves) and -Djavax.net.ssl.trustStore (that certificate). The site code is the datafile's name. Tracking,
# which 4.5.0 cannot turn off, is answered 204 and counted (printed at the end).
#
# Steps and methods:
#  1. mvn package (tests skipped, nothing installed) of benchmarks and benchmarks-official;
#  2. SideBySideFixtures writes the datafiles (example, generated200 = DatafileGenerator seed 42, and copies of the
#     conformance datafiles me-groups, holdout, consent-managed, bucketing from core/src/test/resources/datafiles),
#     2,000 check visitors with varied device / browser / custom data / page views, and the memory visitors;
#  3. decision agreement: each side gives every check visitor its data and asks every flag of every datafile
#     (ours untracked, getVariation; official getFeatureVariationKey, its only way); SideBySideTable compares every
#     environment-enabled flag and groups the disagreements by the first datafile feature of the flag, in this
#     order: mutually exclusive group, holdout, consent REQUIRED, bucketing on custom data, a targeting condition
#     type the official SDK maps to UNKNOWN (asked of its own TargetingConditionType.fromString), the other
#     condition types its segments reach, else "no targeting" (see DisagreementCause);
#  4. speed: a timed loop with warm-up on each side (not JMH: JMH would need the official class path in its forks),
#     WARMUP_ROUNDS + ROUNDS rounds of ROUND_MS, median ns/op; warm = the same visitor again and again, new = a new
#     visitor code per call; a fresh client per datafile and operation; flags pricing_page / pricing_redesign_1;
#  5. start-up: COLD_RUNS rounds; each round runs, per datafile (example, generated200), one fresh JVM of ours from
#     the local file, one of ours over HTTPS from the same local server, one of the official SDK, the order of the
#     SDKs alternating round by round; create → waitInit completed;
#  6. memory: one JVM per side (-Xms3g -Xmx3g), 5,000 warm-up visitors then MEMORY_VISITORS typical visitors (5
#     custom data, 10 page views, getVariation of pricing_page, b2b_onboarding, vip_free_shipping), used heap after
#     full GCs (MemoryMXBean) before and after, 2.5 s pauses before each so the official tracking drains.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/bench-lib.sh
if [[ -z "${KAMELEOON_BENCH_BOUNDED:-}" ]]; then
  KAMELEOON_BENCH_BOUNDED=1 exec timeout --kill-after=10 1200 "$0" "$@"
fi

COLD_RUNS=${COLD_RUNS:-10}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-3}
ROUNDS=${ROUNDS:-5}
ROUND_MS=${ROUND_MS:-1000}
MEMORY_VISITORS=${MEMORY_VISITORS:-50000}
MEMORY_WARMUP=5000
OURS=benchmarks/target/benchmarks.jar
OFFICIAL=benchmarks-official/target/benchmarks-official.jar
RUN="$(pwd)/benchmarks/results/official-$(date -u +%Y%m%dT%H%M%SZ)"
FIXTURES="$RUN/fixtures"
CONFORMANCE=core/src/test/resources/datafiles
DATAFILES=(example generated200 me-groups holdout consent-managed bucketing)

echo "==> mvn -q -B -ntp -DskipTests -pl benchmarks,benchmarks-official -am package" >&2
mvn -q -B -ntp -DskipTests -pl benchmarks,benchmarks-official -am package
mkdir -p "$RUN"
LOAD_BEFORE=$(load_average)
echo "load average before: $LOAD_BEFORE"

echo "==> fixtures ($FIXTURES)" >&2
java -cp "$OURS" com.kameleoon.benchmarks.sidebyside.SideBySideFixtures "$FIXTURES" \
  $((MEMORY_WARMUP + MEMORY_VISITORS)) me-groups=$CONFORMANCE/me-groups.json holdout=$CONFORMANCE/holdout.json \
  consent-managed=$CONFORMANCE/consent-managed.json bucketing=$CONFORMANCE/bucketing.json

echo "==> certificate and hosts file for the local Kameleoon server" >&2
PASS=side-by-side
keytool -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname CN=sdk-config.kameleoon.eu \
  -ext SAN=dns:sdk-config.kameleoon.eu,dns:data.kameleoon.io,dns:events.kameleoon.com,dns:api.kameleoon.com \
  -validity 2 -keystore "$RUN/server.p12" -storetype PKCS12 -storepass $PASS -keypass $PASS >/dev/null 2>&1
keytool -exportcert -alias server -keystore "$RUN/server.p12" -storepass $PASS -file "$RUN/server.crt" >/dev/null 2>&1
keytool -importcert -noprompt -alias server -file "$RUN/server.crt" -keystore "$RUN/trust.p12" -storetype PKCS12 \
  -storepass $PASS >/dev/null 2>&1
echo "127.0.0.1 sdk-config.kameleoon.eu data.kameleoon.io events.kameleoon.com api.kameleoon.com" > "$RUN/hosts"
NET=(-Djdk.net.hosts.file="$RUN/hosts" -Djavax.net.ssl.trustStore="$RUN/trust.p12" -Djavax.net.ssl.trustStorePassword=$PASS)

java -cp "$OFFICIAL" com.kameleoon.benchmarks.officialsdk.LocalKameleoonServer "$FIXTURES" "$RUN/server.ready" \
  "$RUN/server.p12" $PASS 2> "$RUN/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do [[ -f "$RUN/server.ready" ]] && break; kill -0 $SERVER 2>/dev/null || break; sleep 0.1; done
if [[ ! -f "$RUN/server.ready" ]]; then
  echo "the local Kameleoon server did not start (127.0.0.1:443 needs root); see $RUN/server.log" >&2
  exit 1
fi

echo "==> decisions: ${DATAFILES[*]}" >&2
java -cp "$OURS" com.kameleoon.benchmarks.sidebyside.OurDecisions "$FIXTURES" "$RUN/ours-decisions.tsv" "${DATAFILES[@]}"
java "${NET[@]}" -cp "$OFFICIAL" com.kameleoon.benchmarks.officialsdk.OfficialDecisions "$FIXTURES" \
  "$RUN/official-decisions.tsv" "${DATAFILES[@]}" 2> >(grep -v '^SLF4J' >&2)

echo "==> speed: $WARMUP_ROUNDS warm-up + $ROUNDS rounds of $ROUND_MS ms per operation and side" >&2
SPEED=(example:pricing_page generated200:pricing_redesign_1)
java -Xms2g -Xmx2g -cp "$OURS" com.kameleoon.benchmarks.sidebyside.OurSpeed "$FIXTURES" "$WARMUP_ROUNDS" "$ROUNDS" \
  "$ROUND_MS" "${SPEED[@]}" >> "$RUN/ours.tsv"
java -Xms2g -Xmx2g "${NET[@]}" -cp "$OFFICIAL" com.kameleoon.benchmarks.officialsdk.OfficialSpeed "$WARMUP_ROUNDS" \
  "$ROUNDS" "$ROUND_MS" "${SPEED[@]}" >> "$RUN/official.tsv" 2> >(grep -v '^SLF4J' >&2)

echo "==> start-up: $COLD_RUNS rounds of fresh JVMs, SDK order alternating" >&2
ours_file()  { java -cp "$OURS" com.kameleoon.benchmarks.sidebyside.OurStartup file "$FIXTURES" "$1" | sed 's/^startup/startup-file/' >> "$RUN/ours.tsv"; }
ours_https() { java "${NET[@]}" -cp "$OURS" com.kameleoon.benchmarks.sidebyside.OurStartup https "$1" | sed 's/^startup/startup-https/' >> "$RUN/ours.tsv"; }
official()   { java "${NET[@]}" -cp "$OFFICIAL" com.kameleoon.benchmarks.officialsdk.OfficialStartup "$1" 2>/dev/null | sed 's/^startup/startup-https/' >> "$RUN/official.tsv"; }
for run in $(seq "$COLD_RUNS"); do
  for datafile in example generated200; do
    if (( run % 2 )); then ours_file $datafile; ours_https $datafile; official $datafile
    else official $datafile; ours_file $datafile; ours_https $datafile; fi
  done
done
for side in ours official; do
  count=$(grep -c '^startup-https' "$RUN/$side.tsv" || true)
  [[ $count -eq $((2 * COLD_RUNS)) ]] || { echo "start-up: $side has $count of $((2 * COLD_RUNS)) results" >&2; exit 1; }
done

echo "==> memory: $MEMORY_VISITORS visitors after $MEMORY_WARMUP of warm-up, one JVM per side" >&2
FLAGS=(pricing_page b2b_onboarding vip_free_shipping)
java -Xms3g -Xmx3g -cp "$OURS" com.kameleoon.benchmarks.sidebyside.OurMemory "$FIXTURES" $MEMORY_WARMUP example \
  "${FLAGS[@]}" >> "$RUN/ours.tsv"
java -Xms3g -Xmx3g "${NET[@]}" -cp "$OFFICIAL" com.kameleoon.benchmarks.officialsdk.OfficialMemory "$FIXTURES" \
  $MEMORY_WARMUP example "${FLAGS[@]}" >> "$RUN/official.tsv" 2> >(grep -v '^SLF4J' >&2)

kill $SERVER; wait $SERVER 2>/dev/null || true
trap - EXIT
echo
java -cp "$OURS" com.kameleoon.benchmarks.sidebyside.SideBySideTable "$RUN" | tee "$RUN/table.md"
echo
echo "requests the local server answered (configuration and tokens for both SDKs, tracking with 204):"
sed 's/^/    /' "$RUN/server.ready.requests" 2>/dev/null || echo "    (none recorded)"
echo "load average before: $LOAD_BEFORE"
echo "load average after: $(load_average)"
echo "results: $RUN"
